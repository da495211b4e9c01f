/// Small SVG charts drawn as text for the board summary: horizontal bars and a line chart.
///
/// Every label goes through ``HTMLText/escape(_:)``; suppressed values are drawn as an outlined,
/// hatched bar marked `[c]`, never with a length that would give the value away.
enum SVGChart {
    struct Bar {
        let label: String
        let value: Int?
    }

    static func bars(_ title: String, _ bars: [Bar], width: Int = 520) -> String {
        let rowHeight = 22, labelWidth = 170, top = 28
        let height = top + rowHeight * bars.count + 10
        let maximum = max(1, bars.compactMap(\.value).max() ?? 1)
        let span = Double(width - labelWidth - 60)
        var svg = """
            <svg class="chart" role="img" width="\(width)" height="\(height)" viewBox="0 0 \(width) \(height)">\
            <title>\(HTMLText.escape(title))</title>\
            <defs><pattern id="hatch" width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">\
            <line x1="0" y1="0" x2="0" y2="6" stroke="#888" stroke-width="2"/></pattern></defs>\
            <text x="0" y="16" class="chart-title">\(HTMLText.escape(title))</text>
            """
        for (index, bar) in bars.enumerated() {
            let y = top + index * rowHeight
            svg +=
                "<text x=\"\(labelWidth - 6)\" y=\"\(y + 15)\" text-anchor=\"end\">\(HTMLText.escape(bar.label))</text>"
            if let value = bar.value {
                let length = Int((Double(value) / Double(maximum) * span).rounded())
                svg +=
                    "<rect x=\"\(labelWidth)\" y=\"\(y + 3)\" width=\"\(max(value > 0 ? 1 : 0, length))\" height=\"16\" fill=\"#1d4f91\"/>"
                svg += "<text x=\"\(labelWidth + length + 4)\" y=\"\(y + 15)\">\(value)</text>"
            } else {
                svg +=
                    "<rect x=\"\(labelWidth)\" y=\"\(y + 3)\" width=\"40\" height=\"16\" fill=\"url(#hatch)\" stroke=\"#888\"/>"
                svg += "<text x=\"\(labelWidth + 46)\" y=\"\(y + 15)\">[c]</text>"
            }
        }
        return svg + "</svg>"
    }

    struct Series {
        let name: String
        let colour: String
        let values: [Int?]
    }

    static func lines(_ title: String, labels: [String], series: [Series], width: Int = 640) -> String {
        let height = 230, left = 40, right = 180, top = 30, bottom = 40
        let plotWidth = Double(width - left - right), plotHeight = Double(height - top - bottom)
        let maximum = max(1, series.flatMap { $0.values.compactMap { $0 } }.max() ?? 1)
        func x(_ i: Int) -> Double {
            labels.count <= 1
                ? Double(left) + plotWidth / 2 : Double(left) + plotWidth * Double(i) / Double(labels.count - 1)
        }
        func y(_ v: Int) -> Double { Double(top) + plotHeight * (1 - Double(v) / Double(maximum)) }
        func f(_ v: Double) -> String { String((v * 10).rounded() / 10) }
        var svg = """
            <svg class="chart" role="img" width="\(width)" height="\(height)" viewBox="0 0 \(width) \(height)">\
            <title>\(HTMLText.escape(title))</title>\
            <text x="0" y="16" class="chart-title">\(HTMLText.escape(title))</text>\
            <line x1="\(left)" y1="\(height - bottom)" x2="\(width - right)" y2="\(height - bottom)" stroke="#444"/>\
            <line x1="\(left)" y1="\(top)" x2="\(left)" y2="\(height - bottom)" stroke="#444"/>\
            <text x="\(left - 4)" y="\(top + 4)" text-anchor="end">\(maximum)</text>\
            <text x="\(left - 4)" y="\(height - bottom + 4)" text-anchor="end">0</text>
            """
        for (i, label) in labels.enumerated() {
            svg +=
                "<text x=\"\(f(x(i)))\" y=\"\(height - bottom + 18)\" text-anchor=\"middle\">\(HTMLText.escape(label))</text>"
        }
        for (s, line) in series.enumerated() {
            var path = ""
            var pen = false
            for (i, value) in line.values.enumerated() {
                guard let value else {
                    pen = false
                    svg +=
                        "<text x=\"\(f(x(i)))\" y=\"\(height - bottom - 4 - s * 12)\" text-anchor=\"middle\" fill=\"\(line.colour)\">[c]</text>"
                    continue
                }
                path += "\(pen ? "L" : "M")\(f(x(i))),\(f(y(value))) "
                pen = true
                svg += "<circle cx=\"\(f(x(i)))\" cy=\"\(f(y(value)))\" r=\"3\" fill=\"\(line.colour)\"/>"
            }
            if !path.isEmpty {
                svg += "<path d=\"\(path)\" fill=\"none\" stroke=\"\(line.colour)\" stroke-width=\"2\"/>"
            }
            svg +=
                "<rect x=\"\(width - right + 10)\" y=\"\(top + s * 18)\" width=\"12\" height=\"4\" fill=\"\(line.colour)\"/>"
            svg += "<text x=\"\(width - right + 26)\" y=\"\(top + s * 18 + 6)\">\(HTMLText.escape(line.name))</text>"
        }
        return svg + "</svg>"
    }
}

/// Escaping for HTML text and attribute values.
public enum HTMLText {
    public static func escape(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }
}
