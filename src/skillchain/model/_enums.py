"""The shared vocabulary of the domain model: enums used by several programmes.

Every enum's values are ASCII slugs (stable in JSON and TOML); every member has a
Chinese and an English label.  Where no document fixes a list, the docstring says so.
"""

from skillchain._labels import LabelledEnum, set_labels


__all__ = [
    "CarrierType",
    "CertificateKind",
    "CompetitionClass",
    "CompetitionTier",
    "EnterpriseSize",
    "InstitutionKind",
    "IssuerKind",
    "Ownership",
    "PostType",
    "RegulatoryStatus",
    "SubsidyKind",
    "ThreeProject",
]


class EnterpriseSize(LabelledEnum):
    """Enterprise size class (企业规模) under the NBS standard 国统字〔2017〕213号."""

    LARGE = "large"
    """大型."""
    MEDIUM = "medium"
    """中型."""
    SMALL = "small"
    """小型."""
    MICRO = "micro"
    """微型."""


set_labels(
    EnterpriseSize,
    {
        EnterpriseSize.LARGE: ("大型", "large"),
        EnterpriseSize.MEDIUM: ("中型", "medium"),
        EnterpriseSize.SMALL: ("小型", "small"),
        EnterpriseSize.MICRO: ("微型", "micro"),
    },
)


class PostType(LabelledEnum):
    """The kind of post a worker holds (岗位类型).

    The apprenticeship and reward rules speak of skill posts and technical posts; the
    other two values are what a district system must record anyway (no document
    fixes this list).
    """

    SKILL = "skill"
    """技能岗位: a skill (operative) post."""
    TECHNICAL = "technical"
    """技术岗位: a technical post."""
    MANAGEMENT = "management"
    """管理岗位."""
    OTHER = "other"
    """其他岗位."""


set_labels(
    PostType,
    {
        PostType.SKILL: ("技能岗位", "skill post"),
        PostType.TECHNICAL: ("技术岗位", "technical post"),
        PostType.MANAGEMENT: ("管理岗位", "management post"),
        PostType.OTHER: ("其他岗位", "other post"),
    },
)


class InstitutionKind(LabelledEnum):
    """Kinds of education and training institution (教育培训机构) the programmes name."""

    TECHNICAL_SCHOOL = "technical_school"
    """技工院校 (technician colleges and technical schools)."""
    VOCATIONAL_COLLEGE = "vocational_college"
    """职业院校."""
    TRAINING_INSTITUTION = "training_institution"
    """职业培训机构."""
    ENTERPRISE_TRAINING_CENTRE = "enterprise_training_centre"
    """企业培训中心."""
    PUBLIC_TRAINING_BASE = "public_training_base"
    """公共实训基地."""
    UNIVERSITY = "university"
    """高等院校: universities, which 粤人社规〔2025〕25号 lists among a skill chain's partners."""


set_labels(
    InstitutionKind,
    {
        InstitutionKind.TECHNICAL_SCHOOL: ("技工院校", "technical school"),
        InstitutionKind.VOCATIONAL_COLLEGE: ("职业院校", "vocational college"),
        InstitutionKind.TRAINING_INSTITUTION: (
            "职业培训机构",
            "vocational training institution",
        ),
        InstitutionKind.ENTERPRISE_TRAINING_CENTRE: (
            "企业培训中心",
            "enterprise training centre",
        ),
        InstitutionKind.PUBLIC_TRAINING_BASE: ("公共实训基地", "public training base"),
        InstitutionKind.UNIVERSITY: ("高等院校", "university"),
    },
)


class Ownership(LabelledEnum):
    """Public or private (民办) ownership of an institution."""

    PUBLIC = "public"
    """公办."""
    PRIVATE = "private"
    """民办."""


set_labels(
    Ownership,
    {Ownership.PUBLIC: ("公办", "public"), Ownership.PRIVATE: ("民办", "private")},
)


class RegulatoryStatus(LabelledEnum):
    """How a training institution is authorised: approved (审批) or filed (备案).

    Guangzhou's 2025 rules still approve (with 告知承诺); Shenzhen runs a filing
    item whose output is a 备案证.  The legal basis of Shenzhen's filing regime was
    not found.
    """

    APPROVED = "approved"
    """审批 (approval, possibly by notification and commitment)."""
    FILED = "filed"
    """备案 (filing)."""
    NONE = "none"
    """Neither (e.g. a public institution or an enterprise centre outside the regime)."""


set_labels(
    RegulatoryStatus,
    {
        RegulatoryStatus.APPROVED: ("审批", "approved"),
        RegulatoryStatus.FILED: ("备案", "filed"),
        RegulatoryStatus.NONE: ("无需审批或备案", "neither approved nor filed"),
    },
)


class SubsidyKind(LabelledEnum):
    """Kinds of training subsidy a person's claim history records.

    The first four are the kinds Shenzhen caps at once per calendar year and three in
    total (深人社规〔2023〕8号 art. 4; the city FAQ of 2024-11-27).  The rest are the
    other items of 粤人社规〔2023〕13号 and the unemployment-insurance skill subsidy,
    which is mutually exclusive with them for the same occupation and level.
    """

    SKILL_UPGRADE = "skill_upgrade"
    """职业技能提升补贴."""
    APPRENTICESHIP = "apprenticeship"
    """企业新型学徒制培训补贴."""
    PROJECT_TRAINING = "project_training"
    """项目制培训补贴."""
    SKILL_EVALUATION = "skill_evaluation"
    """职业技能评价补贴."""
    ENTREPRENEURSHIP_TRAINING = "entrepreneurship_training"
    """创业培训补贴."""
    LIVING_ALLOWANCE = "living_allowance"
    """生活费补贴."""
    UNEMPLOYMENT_INSURANCE_SKILL = "unemployment_insurance_skill"
    """失业保险技能提升补贴."""
    GRADUATE_TRAINING = "graduate_training"
    """高校毕业生职业技能培训补贴."""
    SPECIAL_ABILITY_ASSESSMENT = "special_ability_assessment"
    """专项职业能力考核补贴 (paid to the assessing body)."""


set_labels(
    SubsidyKind,
    {
        SubsidyKind.SKILL_UPGRADE: ("职业技能提升补贴", "skill-upgrade subsidy"),
        SubsidyKind.APPRENTICESHIP: (
            "企业新型学徒制培训补贴",
            "apprenticeship training subsidy",
        ),
        SubsidyKind.PROJECT_TRAINING: (
            "项目制培训补贴",
            "project-based training subsidy",
        ),
        SubsidyKind.SKILL_EVALUATION: ("职业技能评价补贴", "skill-evaluation subsidy"),
        SubsidyKind.ENTREPRENEURSHIP_TRAINING: (
            "创业培训补贴",
            "entrepreneurship training subsidy",
        ),
        SubsidyKind.LIVING_ALLOWANCE: ("生活费补贴", "living allowance"),
        SubsidyKind.UNEMPLOYMENT_INSURANCE_SKILL: (
            "失业保险技能提升补贴",
            "unemployment-insurance skill subsidy",
        ),
        SubsidyKind.GRADUATE_TRAINING: (
            "高校毕业生职业技能培训补贴",
            "graduate vocational training subsidy",
        ),
        SubsidyKind.SPECIAL_ABILITY_ASSESSMENT: (
            "专项职业能力考核补贴",
            "special-ability assessment subsidy",
        ),
    },
)


class CertificateKind(LabelledEnum):
    """Kinds of certificate (证书类型) the programmes count."""

    VOCATIONAL_QUALIFICATION = "vocational_qualification"
    """职业资格证书."""
    SKILL_LEVEL = "skill_level"
    """职业技能等级证书."""
    SPECIAL_ABILITY = "special_ability"
    """专项职业能力证书."""
    TRAINING_COMPLETION = "training_completion"
    """培训合格证书."""
    PRACTISING_QUALIFICATION = "practising_qualification"
    """执业资格证书 (e.g. CPA, licensed pharmacist)."""
    SPECIAL_OPERATION = "special_operation"
    """特种作业操作证."""


set_labels(
    CertificateKind,
    {
        CertificateKind.VOCATIONAL_QUALIFICATION: (
            "职业资格证书",
            "vocational qualification",
        ),
        CertificateKind.SKILL_LEVEL: ("职业技能等级证书", "skill-level certificate"),
        CertificateKind.SPECIAL_ABILITY: (
            "专项职业能力证书",
            "special-ability certificate",
        ),
        CertificateKind.TRAINING_COMPLETION: (
            "培训合格证书",
            "training-completion certificate",
        ),
        CertificateKind.PRACTISING_QUALIFICATION: (
            "执业资格证书",
            "practising qualification",
        ),
        CertificateKind.SPECIAL_OPERATION: (
            "特种作业操作证",
            "special-operation permit",
        ),
    },
)


class IssuerKind(LabelledEnum):
    """Who issued a certificate; some subsidies exclude employer self-evaluation."""

    HR_DEPARTMENT = "hr_department"
    """Issued by a provincial or city HR department (人社部门)."""
    SOCIAL_EVALUATION_ORGANISATION = "social_evaluation_organisation"
    """A filed social training-evaluation organisation (社会培训评价组织)."""
    EMPLOYER_SELF_EVALUATION = "employer_self_evaluation"
    """The employer's own evaluation (用人单位自主评价)."""
    COMPETITION = "competition"
    """Awarded through a skills competition run by an HR department."""
    OTHER_AUTHORITY = "other_authority"
    """Another licensing authority (e.g. for practising qualifications)."""


set_labels(
    IssuerKind,
    {
        IssuerKind.HR_DEPARTMENT: ("人力资源社会保障部门", "HR department"),
        IssuerKind.SOCIAL_EVALUATION_ORGANISATION: (
            "社会培训评价组织",
            "social training-evaluation organisation",
        ),
        IssuerKind.EMPLOYER_SELF_EVALUATION: (
            "用人单位自主评价",
            "employer self-evaluation",
        ),
        IssuerKind.COMPETITION: ("职业技能竞赛", "skills competition"),
        IssuerKind.OTHER_AUTHORITY: ("其他发证机关", "other licensing authority"),
    },
)


class CompetitionTier(LabelledEnum):
    """The tier of a skills competition (竞赛级别), from the highest to the lowest.

    The street tier is the newest: the district's reply letter of 2024-09-02 says
    that Futian linked its 10 streets (街道) to hold labour-skill contests for the
    first time.  No source gives it a class (一类 / 二类) or rules of its own.
    """

    NATIONAL = "national"
    """国家级."""
    PROVINCIAL = "provincial"
    """省级."""
    MUNICIPAL = "municipal"
    """市级."""
    DISTRICT = "district"
    """区级."""
    STREET = "street"
    """街道级: contests a district holds with its streets (the letter reports the first)."""


set_labels(
    CompetitionTier,
    {
        CompetitionTier.NATIONAL: ("国家级", "national"),
        CompetitionTier.PROVINCIAL: ("省级", "provincial"),
        CompetitionTier.MUNICIPAL: ("市级", "municipal"),
        CompetitionTier.DISTRICT: ("区级", "district"),
        CompetitionTier.STREET: ("街道级", "street"),
    },
)


class CompetitionClass(LabelledEnum):
    """The class of a competition within its tier (一类 / 二类)."""

    FIRST = "first"
    """一类."""
    SECOND = "second"
    """二类."""


set_labels(
    CompetitionClass,
    {
        CompetitionClass.FIRST: ("一类", "class one"),
        CompetitionClass.SECOND: ("二类", "class two"),
    },
)


class CarrierType(LabelledEnum):
    """The three types of lifelong vocational training carrier (终身职业技能培训载体).

    《深圳市终身职业技能培训载体认定和奖补管理办法》 (深圳市人社局, 2022-11-28).
    """

    HIGH_SKILL_TRAINING_BASE = "high_skill_training_base"
    """高技能人才培训基地."""
    MASTER_STUDIO = "master_studio"
    """技能大师工作室."""
    RURAL_WORKSTATION = "rural_workstation"
    """乡村振兴技能工作站."""


set_labels(
    CarrierType,
    {
        CarrierType.HIGH_SKILL_TRAINING_BASE: (
            "高技能人才培训基地",
            "high-skill training base",
        ),
        CarrierType.MASTER_STUDIO: ("技能大师工作室", "skill master studio"),
        CarrierType.RURAL_WORKSTATION: (
            "乡村振兴技能工作站",
            "rural-revitalisation skill workstation",
        ),
    },
)


class ThreeProject(LabelledEnum):
    """Guangdong's three skills projects (三项工程)."""

    CANTONESE_CHEF = "cantonese_chef"
    """粤菜师傅 (launched April 2018)."""
    GUANGDONG_TECHNICIAN = "guangdong_technician"
    """广东技工 (launched 2019)."""
    SOUTHERN_HOUSEKEEPING = "southern_housekeeping"
    """南粤家政."""


set_labels(
    ThreeProject,
    {
        ThreeProject.CANTONESE_CHEF: ("粤菜师傅", "Cantonese chef"),
        ThreeProject.GUANGDONG_TECHNICIAN: ("广东技工", "Guangdong technician"),
        ThreeProject.SOUTHERN_HOUSEKEEPING: (
            "南粤家政",
            "Southern Guangdong housekeeping",
        ),
    },
)
