/// The name the course notes give a canonical entry.
extension EntryRef {
    /// `Wa[i,j]` as the notes write it: `Waa[i,j]` for j < n_a, else `Wax[i,j-n_a]`; every other
    /// reference as `description` (`x<2>[0]`, `by[1]`).
    public func notesName(na: Int) -> String {
        guard symbol == .Wa, let i = row, let j = col else { return description }
        return j < na ? EntryRef(symbol: .Waa, row: i, col: j).description : EntryRef(symbol: .Wax, row: i, col: j - na).description
    }
}
