import Testing

@testable import MaturityImport
