/// Statistical disclosure control for the board's tables: small counts are suppressed, and enough
/// other cells with them that no suppressed count can be worked out from the published ones.
///
/// A table is its interior counts with a total for every row, every column and the whole
/// (the margins). The rules, applied to the table with its margins:
/// 1. **Primary**: every count from 1 to the threshold is suppressed, margins included. Zero is
///    shown: a zero identifies no one.
/// 2. **Secondary, by line**: a row or column (with its total) holding exactly one suppressed
///    cell would give it away by subtraction, so the smallest non-zero published cell of that
///    line is suppressed too; and so is one when the suppressed cells of a line must all be 1
///    (their sum, known from the total, equals their number: every suppressed cell is at least 1,
///    since zeros are never suppressed).
/// 3. **Audit**: the published cells and the totals give a system of equations in the
///    suppressed cells, each at least 1. For every suppressed cell the audit searches for a
///    solution of that system in which the cell differs from its true value. A cell with no
///    such solution could be recovered; a further cell in one of its lines is then suppressed
///    and the rules run again. A search that exceeds its budget counts as "could be recovered",
///    so the audit errs towards suppressing more.
///
/// Hand-written: no package in the offline copy does cell suppression.
public struct DisclosureControl: Sendable, Hashable {
    public let threshold: Int
    /// Search steps per audited cell before it is treated as recoverable.
    public var auditBudget = 200_000

    public init(threshold: Int) { self.threshold = threshold }

    /// A table with its margins and which cells are suppressed.
    public struct Result: Sendable, Hashable {
        /// `(rows + 1) × (columns + 1)` counts: the interior, each row's total in the last column,
        /// each column's total in the last row, the grand total in the corner.
        public let values: [[Int]]
        public let suppressed: [[Bool]]
        /// Cells suppressed to protect others (a subset of ``suppressed``).
        public let secondary: [[Bool]]
    }

    /// Adds margins to an interior table and suppresses it.
    ///
    /// - Parameter interior: `rows × columns` non-negative counts (rows of equal length).
    /// - Complexity: a few passes over the table per added cell, plus the audit's searches.
    public func protect(_ interior: [[Int]]) -> Result {
        let rows = interior.count, columns = interior.first?.count ?? 0
        var values = [[Int]](repeating: [Int](repeating: 0, count: columns + 1), count: rows + 1)
        for i in 0..<rows {
            for j in 0..<columns {
                values[i][j] = interior[i][j]
                values[i][columns] += interior[i][j]
                values[rows][j] += interior[i][j]
                values[rows][columns] += interior[i][j]
            }
        }
        var suppressed = values.map { $0.map { (1...max(1, threshold)).contains($0) && threshold > 0 } }
        let primary = suppressed
        let lines = Self.lines(rows: rows, columns: columns)
        while true {
            Self.applyLineRule(values: values, suppressed: &suppressed, lines: lines)
            guard let exposed = audit(values: values, suppressed: suppressed, lines: lines) else { break }
            // Protect the exposed cell: suppress the smallest published non-zero cell on its lines.
            let candidates = lines.filter { $0.cells.contains { $0 == exposed } }.flatMap(\.cells).filter {
                !suppressed[$0.0][$0.1] && values[$0.0][$0.1] > 0
            }
            guard let pick = Self.smallest(candidates, values: values, rows: rows, columns: columns) else {
                // Nothing left to suppress on its lines: suppress every published non-zero cell.
                for i in 0...rows { for j in 0...columns where values[i][j] > 0 { suppressed[i][j] = true } }
                break
            }
            suppressed[pick.0][pick.1] = true
        }
        let secondary = (0...rows).map { i in (0...columns).map { j in suppressed[i][j] && !primary[i][j] } }
        return Result(values: values, suppressed: suppressed, secondary: secondary)
    }

    /// One row or column: its interior cells and its total cell.
    struct Line {
        var cells: [(Int, Int)]
        var total: (Int, Int)
    }

    static func lines(rows: Int, columns: Int) -> [Line] {
        var lines: [Line] = []
        for i in 0...rows { lines.append(Line(cells: (0...columns).map { (i, $0) }, total: (i, columns))) }
        for j in 0...columns { lines.append(Line(cells: (0...rows).map { ($0, j) }, total: (rows, j))) }
        return lines
    }

    static func smallest(_ cells: [(Int, Int)], values: [[Int]], rows: Int, columns: Int) -> (Int, Int)? {
        // Prefer interior cells to totals, then the smallest count, then the first.
        cells.min { a, b in
            let aMargin = a.0 == rows || a.1 == columns, bMargin = b.0 == rows || b.1 == columns
            if aMargin != bMargin { return !aMargin }
            return values[a.0][a.1] < values[b.0][b.1]
        }
    }

    static func applyLineRule(values: [[Int]], suppressed: inout [[Bool]], lines: [Line]) {
        let rows = values.count - 1, columns = (values.first?.count ?? 1) - 1
        var changed = true
        while changed {
            changed = false
            for line in lines {
                let hidden = line.cells.filter { suppressed[$0.0][$0.1] }
                guard !hidden.isEmpty else { continue }
                var needsMore = hidden.count == 1
                if !needsMore && !suppressed[line.total.0][line.total.1] {
                    // Total published: the hidden interior cells' sum is known; all ones gives them away.
                    let sum = hidden.reduce(0) { $0 + values[$1.0][$1.1] }
                    needsMore = sum == hidden.count
                }
                guard needsMore else { continue }
                let candidates = line.cells.filter { !suppressed[$0.0][$0.1] && values[$0.0][$0.1] > 0 }
                if let pick = smallest(candidates, values: values, rows: rows, columns: columns) {
                    suppressed[pick.0][pick.1] = true
                    changed = true
                }
            }
        }
    }

    /// The first suppressed cell that the published cells determine, or `nil` when none is.
    func audit(values: [[Int]], suppressed: [[Bool]], lines: [Line]) -> (Int, Int)? {
        var cells: [(Int, Int)] = []
        var variable: [[Int]] = values.map { $0.map { _ in -1 } }
        for i in values.indices {
            for j in values[i].indices where suppressed[i][j] {
                variable[i][j] = cells.count
                cells.append((i, j))
            }
        }
        guard !cells.isEmpty else { return nil }
        let rows = values.count - 1, columns = values[0].count - 1
        // Each line: Σ interior − total = 0, with the published cells moved to the constant.
        var equations: [(terms: [(Int, Int)], constant: Int)] = []
        for line in lines {
            var terms: [(Int, Int)] = []
            var constant = 0
            for cell in line.cells {
                let sign = cell == line.total ? -1 : 1
                if variable[cell.0][cell.1] >= 0 {
                    terms.append((variable[cell.0][cell.1], sign))
                } else {
                    constant -= sign * values[cell.0][cell.1]
                }
            }
            if !terms.isEmpty { equations.append((terms, constant)) }
        }
        let grand = values[rows][columns]
        // Each cell is at most the grand total (the audit knows it even when it is hidden; a wider
        // range would only let the search find more alternatives), and at most what its published
        // lines leave: Σ hidden = c with each ≥ 1 gives ≤ c − (k − 1).
        var upper = [Int](repeating: max(grand, 1), count: cells.count)
        for equation in equations where equation.terms.allSatisfy({ $0.1 > 0 }) {
            let bound = max(1, equation.constant - (equation.terms.count - 1))
            for term in equation.terms { upper[term.0] = min(upper[term.0], bound) }
        }
        let truth = cells.map { values[$0.0][$0.1] }
        var free = [Bool](repeating: false, count: cells.count)
        for v in cells.indices where !free[v] {
            var solver = Solver(
                count: cells.count, equations: equations, upper: upper, budget: auditBudget)
            if let solution = solver.solve(excluding: (v, truth[v])) {
                for (k, value) in solution.enumerated() where value != truth[k] { free[k] = true }
            } else {
                return cells[v]
            }
        }
        return nil
    }

    /// Depth-first search for integer solutions in `1...upper[v]` of equations `Σ sign·x = constant`.
    struct Solver {
        let count: Int
        let equations: [(terms: [(Int, Int)], constant: Int)]
        let upper: [Int]
        var budget: Int
        var equationsOf: [[Int]]
        var value: [Int]

        init(count: Int, equations: [(terms: [(Int, Int)], constant: Int)], upper: [Int], budget: Int) {
            self.count = count
            self.equations = equations
            self.upper = upper.map { max(1, $0) }
            self.budget = budget
            equationsOf = [[Int]](repeating: [], count: count)
            for (index, equation) in equations.enumerated() {
                for term in equation.terms { equationsOf[term.0].append(index) }
            }
            value = [Int](repeating: 0, count: count)
        }

        /// A solution in which `excluding.0` is not `excluding.1`, or `nil` (none, or out of budget).
        mutating func solve(excluding: (Int, Int)) -> [Int]? {
            var order = [excluding.0]
            // Then the variables sharing equations with those already placed (propagation works sooner).
            var placed = Set(order)
            var queue = order
            while let next = queue.first {
                queue.removeFirst()
                for e in equationsOf[next] {
                    for term in equations[e].terms where placed.insert(term.0).inserted {
                        order.append(term.0)
                        queue.append(term.0)
                    }
                }
            }
            for v in 0..<count where placed.insert(v).inserted { order.append(v) }
            return search(order, 0, excluding) ? value : nil
        }

        private mutating func search(_ order: [Int], _ depth: Int, _ excluding: (Int, Int)) -> Bool {
            if depth == order.count { return true }
            let v = order[depth]
            for candidate in 1...upper[v] where !(v == excluding.0 && candidate == excluding.1) {
                budget -= 1
                if budget < 0 { return false }
                value[v] = candidate
                if consistent(v) && search(order, depth + 1, excluding) { return true }
            }
            value[v] = 0
            return false
        }

        /// Whether every equation touching `v` can still be met by the unassigned variables.
        private func consistent(_ v: Int) -> Bool {
            for e in equationsOf[v] {
                var sum = 0, low = 0, high = 0
                for (k, sign) in equations[e].terms {
                    if value[k] > 0 {
                        sum += sign * value[k]
                    } else if sign > 0 {
                        low += 1
                        high += upper[k]
                    } else {
                        low -= upper[k]
                        high -= 1
                    }
                }
                let rest = equations[e].constant - sum
                if rest < low || rest > high { return false }
            }
            return true
        }
    }
}
