/// The report templates shipped with the binary (`templates/*.mustache`, embedded by
/// `scripts/embed-resources.py`), so `maturity report` works from any folder.
public enum DefaultTemplates {}
