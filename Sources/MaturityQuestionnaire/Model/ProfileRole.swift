/// The company or ROI field a profile question fills.
public enum ProfileRole: String, Sendable, Equatable, CaseIterable, Codable {
    case companyName = "company.name"
    case siren = "company.siren"
    case sector = "company.sector"
    case headcount = "company.headcount"
    case turnover = "company.turnover"
    case region = "company.region"
    case grossSalary = "roi.grossSalary"
    case employerCharges = "roi.employerCharges"
    case hourlyCost = "roi.hourlyCost"
    case annualHours = "roi.annualHours"
    case workingWeeks = "roi.workingWeeks"
    case licences = "roi.licences"
    case implementation = "roi.implementation"
    case training = "roi.training"
    case internalTime = "roi.internalTime"
    case subsidies = "roi.subsidies"
}
