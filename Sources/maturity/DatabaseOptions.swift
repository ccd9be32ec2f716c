import ArgumentParser
import Foundation
import MaturityStore

/// `--db PATH`, else `$MATURITY_DB`, else `$XDG_DATA_HOME/maturity/maturity.sqlite`.
struct DatabaseOptions: ParsableArguments {
    @Option(name: .long, help: "SQLite database (default: $MATURITY_DB, else $XDG_DATA_HOME/maturity/maturity.sqlite).")
    var db: String?

    var path: String { DatabaseLocation.resolve(flag: db, environment: ProcessInfo.processInfo.environment) }

    /// Opens the database; prints the problem and exits 1 when it cannot be used.
    func open(access: MaturityDatabase.Access = .shared) throws -> MaturityDatabase {
        do {
            return try MaturityDatabase.open(path: path, access: access)
        } catch {
            Output.error(error.errorDescription ?? "error: cannot open the database")
            throw ExitCode.failure
        }
    }
}

/// Runs a store call; a store error is printed and exits 1.
func storeCall<T>(_ body: () throws -> T) throws -> T {
    do {
        return try body()
    } catch let error as StoreError {
        Output.error(error.errorDescription ?? "error: database")
        throw ExitCode.failure
    }
}
