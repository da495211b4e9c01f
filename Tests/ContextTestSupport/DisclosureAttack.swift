/// An adversary against a published table with totals: tries to recover suppressed cells.
///
/// Written independently of `DisclosureControl` (which audits with a depth-first search): the
/// attacks here are the ones a reader with a spreadsheet and some algebra would make.
/// The table is `(rows + 1) × (columns + 1)` with row totals in the last column and column
/// totals in the last row; `nil` is a suppressed cell. The attacker knows that a suppressed cell
/// is at least 1 (zeros are shown) and at most the grand total (when the grand total is itself
/// suppressed, at most ten times the published cells' sum plus 1,000: a bound a reader cannot
/// tighten without more knowledge).
public struct DisclosureAttack {
    public let cells: [[Int?]]
    public let threshold: Int

    public init(cells: [[Int?]], threshold: Int) {
        self.cells = cells
        self.threshold = threshold
    }

    /// The largest value the attacker considers for a suppressed cell.
    var ceiling: Int {
        let rows = cells.count - 1, columns = (cells.first?.count ?? 1) - 1
        if let grand = cells[rows][columns] { return max(1, grand) }
        return 10 * cells.joined().compactMap { $0 }.reduce(0, +) + 1_000
    }

    var unknowns: [(Int, Int)] {
        cells.indices.flatMap { i in cells[i].indices.filter { cells[i][$0] == nil }.map { (i, $0) } }
    }

    /// Each line as (coefficients over unknowns, constant): Σ interior − total = 0.
    func equations() -> [(coefficients: [Double], constant: Double)] {
        let unknowns = self.unknowns
        var index: [[Int]] = cells.map { $0.map { _ in -1 } }
        for (k, cell) in unknowns.enumerated() { index[cell.0][cell.1] = k }
        let rows = cells.count - 1, columns = (cells.first?.count ?? 1) - 1
        var lines: [[(Int, Int)]] = []
        for i in 0...rows { lines.append((0...columns).map { (i, $0) }) }
        for j in 0...columns { lines.append((0...rows).map { ($0, j) }) }
        return lines.map { line in
            var coefficients = [Double](repeating: 0, count: unknowns.count)
            var constant = 0.0
            for (position, cell) in line.enumerated() {
                let sign = position == line.count - 1 ? -1.0 : 1.0
                if let value = cells[cell.0][cell.1] {
                    constant -= sign * Double(value)
                } else {
                    coefficients[index[cell.0][cell.1]] += sign
                }
            }
            return (coefficients, constant)
        }
    }

    /// Unknowns that the equations alone determine (the unit vector is in the row space).
    public func linearlyDetermined() -> [(Int, Int)] {
        let unknowns = self.unknowns
        let matrix = equations().map(\.coefficients).filter { $0.contains { $0 != 0 } }
        let base = Self.rank(matrix, columns: unknowns.count)
        return unknowns.indices.filter { k in
            var unit = [Double](repeating: 0, count: unknowns.count)
            unit[k] = 1
            return Self.rank(matrix + [unit], columns: unknowns.count) == base
        }.map { unknowns[$0] }
    }

    static func rank(_ rowsIn: [[Double]], columns: Int) -> Int {
        var rows = rowsIn
        var rank = 0
        for column in 0..<columns where rank < rows.count {
            guard let pivot = (rank..<rows.count).max(by: { abs(rows[$0][column]) < abs(rows[$1][column]) }),
                abs(rows[pivot][column]) > 1e-9
            else { continue }
            rows.swapAt(rank, pivot)
            for r in 0..<rows.count where r != rank {
                let factor = rows[r][column] / rows[rank][column]
                if factor != 0 { for c in 0..<columns { rows[r][c] -= factor * rows[rank][c] } }
            }
            rank += 1
        }
        return rank
    }

    /// Interval reasoning to a fixed point: each unknown's bounds narrowed from every line.
    /// Returns the unknowns whose interval closes to a single value.
    public func intervalDetermined() -> [(Int, Int)] {
        let (low, high) = intervalBounds()
        return unknowns.indices.filter { low[$0] == high[$0] }.map { unknowns[$0] }
    }

    /// Each unknown's bounds after interval reasoning to a fixed point.
    public func intervalBounds() -> (low: [Int], high: [Int]) {
        let unknowns = self.unknowns
        var low = [Int](repeating: 1, count: unknowns.count)
        var high = [Int](repeating: ceiling, count: unknowns.count)
        let equations = self.equations()
        var changed = true
        while changed {
            changed = false
            for equation in equations {
                let terms = equation.coefficients.enumerated().filter { $0.element != 0 }
                for (k, sign) in terms {
                    // sign·x_k = constant − Σ others
                    var otherLow = 0, otherHigh = 0
                    for (j, s) in terms where j != k {
                        if s > 0 {
                            otherLow += low[j]
                            otherHigh += high[j]
                        } else {
                            otherLow -= high[j]
                            otherHigh -= low[j]
                        }
                    }
                    let c = Int(equation.constant)
                    let (lo, hi) = sign > 0 ? (c - otherHigh, c - otherLow) : (otherLow - c, otherHigh - c)
                    if lo > low[k] {
                        low[k] = lo
                        changed = true
                    }
                    if hi < high[k] {
                        high[k] = hi
                        changed = true
                    }
                    // Contradictory bounds would mean the attacker's assumptions are wrong.
                    precondition(low[k] <= high[k], "the attacker's assumptions do not hold")
                }
            }
        }
        return (low, high)
    }

    /// Every assignment of the unknowns consistent with the totals, by brute force; `nil` when
    /// there are more than `limit` candidates to try (each unknown within its interval bounds, which
    /// every solution respects). Returns the unknowns with one possible value.
    public func bruteForceDetermined(limit: Int = 2_000_000) -> [(Int, Int)]? {
        let unknowns = self.unknowns
        guard !unknowns.isEmpty else { return [] }
        let (low, high) = intervalBounds()
        var total = 1.0
        for k in unknowns.indices { total *= Double(high[k] - low[k] + 1) }
        guard total <= Double(limit) else { return nil }
        let equations = self.equations()
        var seen = [Set<Int>](repeating: [], count: unknowns.count)
        var value = low
        func check() -> Bool {
            equations.allSatisfy { equation in
                var sum = 0.0
                for (k, c) in equation.coefficients.enumerated() where c != 0 { sum += c * Double(value[k]) }
                return abs(sum - equation.constant) < 1e-9
            }
        }
        while true {
            if check() { for k in value.indices { seen[k].insert(value[k]) } }
            var position = 0
            while position < value.count {
                value[position] += 1
                if value[position] <= high[position] { break }
                value[position] = low[position]
                position += 1
            }
            if position == value.count { break }
        }
        return unknowns.indices.filter { seen[$0].count == 1 }.map { unknowns[$0] }
    }
}
