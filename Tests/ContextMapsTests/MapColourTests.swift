import ContextModel
import Foundation
import Testing

@testable import ContextMaps

/// Colour science for the checks below, written out here rather than taken from a library: the
/// package has no colour dependency, the formulas are short and standard, and a test that spells
/// out its own arithmetic can be checked against the papers by reading it.
enum Colour {
    /// Linear-light sRGB in [0, 1] of `#rrggbb` (IEC 61966-2-1 transfer function).
    static func linearRGB(_ hex: String) -> [Double]? {
        let digits = Array(hex.utf8.dropFirst())
        guard hex.hasPrefix("#"), digits.count == 6 else { return nil }
        var channels: [Double] = []
        for start in stride(from: 0, to: 6, by: 2) {
            guard let byte = UInt8(String(decoding: digits[start..<start + 2], as: UTF8.self), radix: 16) else {
                return nil
            }
            let value = Double(byte) / 255
            channels.append(value <= 0.04045 ? value / 12.92 : pow((value + 0.055) / 1.055, 2.4))
        }
        return channels
    }

    /// CIELAB (D65 white) of linear sRGB.
    static func lab(_ rgb: [Double]) -> (l: Double, a: Double, b: Double) {
        let x = 0.4124564 * rgb[0] + 0.3575761 * rgb[1] + 0.1804375 * rgb[2]
        let y = 0.2126729 * rgb[0] + 0.7151522 * rgb[1] + 0.0721750 * rgb[2]
        let z = 0.0193339 * rgb[0] + 0.1191920 * rgb[1] + 0.9503041 * rgb[2]
        func f(_ t: Double) -> Double { t > 216.0 / 24389 ? cbrt(t) : (24389.0 / 27 * t + 16) / 116 }
        let fx = f(x / 0.95047), fy = f(y / 1.0), fz = f(z / 1.08883)
        return (116 * fy - 16, 500 * (fx - fy), 200 * (fy - fz))
    }

    /// CIE76 colour difference.
    static func deltaE(_ p: (l: Double, a: Double, b: Double), _ q: (l: Double, a: Double, b: Double)) -> Double {
        ((p.l - q.l) * (p.l - q.l) + (p.a - q.a) * (p.a - q.a) + (p.b - q.b) * (p.b - q.b)).squareRoot()
    }

    /// WCAG 2 relative luminance of linear sRGB.
    static func luminance(_ rgb: [Double]) -> Double { 0.2126 * rgb[0] + 0.7152 * rgb[1] + 0.0722 * rgb[2] }

    /// Simulated colour-vision deficiency, severity 1.0 (dichromacy), on linear sRGB: the matrices
    /// of G. M. Machado, M. M. Oliveira and L. A. F. Fernandes, "A Physiologically-based Model for
    /// Simulation of Color Vision Deficiency", IEEE Transactions on Visualization and Computer
    /// Graphics 15(6), 2009, pp. 1291-1298, doi:10.1109/TVCG.2009.113 (the table of matrices on
    /// the authors' page, severity 1.0). Results are clamped to the gamut.
    enum Deficiency: CaseIterable {
        case deuteranopia, protanopia

        var matrix: [[Double]] {
            switch self {
            case .protanopia:
                [[0.152286, 1.052583, -0.204868], [0.114503, 0.786281, 0.099216], [-0.003882, -0.048116, 1.051998]]
            case .deuteranopia:
                [[0.367322, 0.860646, -0.227968], [0.280085, 0.672501, 0.047413], [-0.011820, 0.042940, 0.968881]]
            }
        }

        func simulate(_ rgb: [Double]) -> [Double] {
            matrix.map { row in min(max(row[0] * rgb[0] + row[1] * rgb[1] + row[2] * rgb[2], 0), 1) }
        }
    }
}

struct MapColourTests {
    /// The fills of MACE levels 1 to 4, in order.
    let fills = (1...4).map { MapStyle.colours(forRisk: UInt8($0)).fill }

    func linear(_ hex: String) throws -> [Double] { try #require(Colour.linearRGB(hex), "\(hex)") }

    @Test func levelFillsDarkenStrictlyWithTheLevel() throws {
        let lightness = try fills.map { Colour.lab(try linear($0)).l }
        for level in 1..<4 {
            #expect(lightness[level - 1] > lightness[level] + 5, "levels \(level) and \(level + 1): \(lightness)")
        }
        #expect(fills == [MapStyle.noFill, MapStyle.lowFill, MapStyle.someFill, MapStyle.highFill])
    }

    @Test(arguments: Colour.Deficiency.allCases)
    func levelFillsStayDistinctAndOrderedUnderColourBlindness(_ deficiency: Colour.Deficiency) throws {
        let seen = try fills.map { Colour.lab(deficiency.simulate(try linear($0))) }
        for level in 1..<4 {
            let difference = Colour.deltaE(seen[level - 1], seen[level])
            #expect(difference >= 10, "\(deficiency): levels \(level) and \(level + 1), ΔE \(difference)")
            #expect(seen[level - 1].l > seen[level].l, "\(deficiency): lightness order")
        }
        // The palette this replaced fails: red-amber-yellow-green under deuteranopia turns level 3
        // and level 1 into the same olive (issue 15); the check above must be able to see that.
        let old = try ["#a6d96a", "#fee08b", "#fc8d59", "#d7301f"].map {
            Colour.lab(deficiency.simulate(try linear($0)))
        }
        #expect((1..<4).contains { old[$0 - 1].l <= old[$0].l })
    }

    @Test func labelTextIsReadableOnEveryFill() throws {
        func contrast(_ a: [Double], _ b: [Double]) -> Double {
            let (x, y) = (Colour.luminance(a), Colour.luminance(b))
            return (max(x, y) + 0.05) / (min(x, y) + 0.05)
        }
        for level in UInt8(0)...4 {
            let colours = MapStyle.colours(forRisk: level)
            let ratio = contrast(try linear(colours.fill), try linear(colours.font))
            #expect(ratio >= 4.5, "level \(level): \(ratio)")
        }
        #expect(MapStyle.colours(forRisk: 4).font == "#ffffff")
    }

    @Test func outlineThickensWithTheLevel() {
        let extras = (1...4).map { MapStyle.outlineExtra(forRisk: UInt8($0)) }
        #expect(extras == extras.sorted() && Set(extras).count == 4)
    }

    /// Every edge look, for each link kind, weak or not, stale or not, at the weakest strength.
    @Test func everyLinkStaysVisibleAndWeakOnesAreLighter() throws {
        let kinds: [LinkKind?] = LinkKind.allCases + [nil]
        for kind in kinds {
            let normal = MapStyle.look(for: MapSpec.Edge(from: 0, to: 1, kind: kind, penWidth: 0.8))
            let normalLightness = Colour.lab(try linear(normal.colour)).l
            for (faint, stale) in [(false, false), (true, false), (true, true)] {
                var edge = MapSpec.Edge(
                    from: 0, to: 1, kind: kind, penWidth: MapStyle.penWidth(forStrength: 0), faint: faint)
                edge.stale = stale
                let look = MapStyle.look(for: edge)
                let lightness = Colour.lab(try linear(look.colour)).l
                let name = "\(kind?.name ?? "none"), faint \(faint), stale \(stale)"
                #expect(look.penWidth >= 0.9, "\(name)")
                #expect(lightness <= 65, "\(name): lightness \(lightness)")
                #expect(!["invis", "tapered"].contains(look.style), "\(name)")
                if faint {
                    #expect(lightness > normalLightness, "\(name) is lighter than the strong look")
                    #expect(look.penWidth <= MapStyle.faintMaxPenWidth)
                }
                if stale { #expect(look.style == "dotted", "\(name)") }
            }
        }
        // A strong weak link is still drawn thinner than the same link well evidenced.
        let strong = MapSpec.Edge(from: 0, to: 1, kind: .associate, penWidth: 4)
        var weak = strong
        weak.faint = true
        #expect(MapStyle.look(for: weak).penWidth < MapStyle.look(for: strong).penWidth)
    }

    @Test func theSampleSpecsEdgesAreAllReadable() throws {
        let spec = sampleSpec()
        for edge in spec.edges {
            let look = MapStyle.look(for: edge)
            let lightness = Colour.lab(try linear(look.colour)).l
            #expect(look.penWidth >= 0.9 && lightness <= 65, "\(edge)")
        }
    }
}
