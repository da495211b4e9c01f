public import ArgumentParser
public import ContextMaps
public import ContextModel
public import Logging

// Option values parsed by ArgumentParser itself: a wrong value is refused with the list of
// allowed ones (`--help` shows them), and commands receive typed values, never strings to check.

extension Day: ExpressibleByArgument {
    public init?(argument: String) { self.init(iso: argument) }
    public var defaultValueDescription: String { description }
}

extension MapFormat: ExpressibleByArgument {}
extension LayoutEngine: ExpressibleByArgument {}

extension LinkKind: ExpressibleByArgument {
    public init?(argument: String) { self.init(name: argument) }
    public static var allValueStrings: [String] { allCases.map(\.name) }
    public var defaultValueDescription: String { name }
}

extension Logger.Level: @retroactive ExpressibleByArgument {}
