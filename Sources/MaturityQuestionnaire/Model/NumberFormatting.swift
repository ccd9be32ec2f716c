extension Double {
    /// `3` rather than `3.0`, `2.5` as is: how numbers are quoted back in messages.
    public var compactDescription: String {
        if rounded() == self, abs(self) < 1e15 { return String(Int(self)) }
        return String(self)
    }
}
