/// Where the database lives: `--db PATH`, else `$MATURITY_DB`, else
/// `$XDG_DATA_HOME/maturity/maturity.sqlite`, else `~/.local/share/maturity/maturity.sqlite`.
public enum DatabaseLocation {
    public static func resolve(flag: String?, environment: [String: String]) -> String {
        if let flag, !flag.isEmpty { return flag }
        if let path = environment["MATURITY_DB"], !path.isEmpty { return path }
        let data =
            environment["XDG_DATA_HOME"].flatMap { $0.isEmpty ? nil : $0 }
            ?? (environment["HOME"] ?? ".") + "/.local/share"
        return data + "/maturity/maturity.sqlite"
    }
}
