import ContextModel
import GraphAlgorithms

/// Invented name parts: people's names and place names are put together from these syllables, so
/// labels look like names without being anyone's. No list of real names is used.
enum Names {
    static let givenStarts = [
        "Ael", "Bry", "Cae", "Dov", "Ely", "Fen", "Gwy", "Hal", "Isk", "Jor", "Kel", "Lyr", "Mab", "Nym",
        "Orr", "Per", "Quin", "Rhi", "Sol", "Tam", "Ula", "Vex", "Wyn", "Yar", "Zel", "Ama", "Bex", "Cor",
        "Dar", "Emi",
    ]
    static let givenEnds = [
        "a", "en", "is", "o", "wyn", "ara", "ric", "eth", "ie", "an", "ys", "ette", "iel", "om", "ua", "ley",
    ]
    static let familyStarts = [
        "Brom", "Cald", "Dunn", "Elsw", "Farr", "Gorm", "Hask", "Ibb", "Jenn", "Kirr", "Lond", "Marr", "Nett",
        "Ost", "Penh", "Quarr", "Ridd", "Sorr", "Tarr", "Umb", "Vell", "Whit", "Yeld", "Ack", "Bex",
    ]
    static let familyEnds = [
        "ick", "ow", "ley", "ing", "ard", "ell", "wick", "by", "ham", "ton", "ett", "ock", "iss", "ane",
    ]
    static let placeStarts = [
        "Ash", "Bram", "Cold", "Dun", "Elm", "Fern", "Gal", "Hollin", "Ivy", "Kest", "Lark", "Marl", "Nor",
        "Oak", "Pen", "Quern", "Rook", "Sedge", "Thorn", "Wend", "Yew", "Brack", "Caul",
    ]
    static let placeEnds = [
        "bury", "combe", "field", "ford", "gate", "ham", "holme", "ley", "mere", "moor", "stead", "thorpe",
        "wick", "worth", "dale",
    ]
    static let streetKinds = ["Road", "Street", "Lane", "Close", "Avenue", "Way", "Drive", "Crescent", "Walk"]

    /// How many distinct given names and family names there are.
    static var givenCount: Int { givenStarts.count * givenEnds.count }
    static var familyCount: Int { familyStarts.count * familyEnds.count }
    static var placeCount: Int { placeStarts.count * placeEnds.count }

    /// The name of place number `index` (`0 ..< placeCount`), such as "Quernmoor".
    static func place(_ index: Int) -> String {
        placeStarts[index / placeEnds.count] + placeEnds[index % placeEnds.count]
    }

    /// `count` distinct ward names, chosen by `generator`; past ``placeCount`` a compass word is
    /// added ("Kestford North").
    static func wards(_ count: Int, generator: inout SplitMix64) -> [String] {
        var order = Array(0..<placeCount)
        order.shuffle(seededBy: &generator)
        let compass = ["", " North", " South", " East", " West", " Central"]
        return (0..<count).map { index in
            place(order[index % placeCount]) + compass[min(index / placeCount, compass.count - 1)]
                + (index >= placeCount * compass.count ? " \(index / (placeCount * compass.count) + 1)" : "")
        }
    }

    /// Appends a person's name, "Given Family", to the current field.
    static func appendPerson(given: Int, family: Int, to writer: inout CSVWriter) {
        writer.append(givenStarts[given / givenEnds.count])
        writer.append(givenEnds[given % givenEnds.count])
        writer.append(" ")
        writer.append(familyStarts[family / familyEnds.count])
        writer.append(familyEnds[family % familyEnds.count])
    }

    /// Appends a street name, "Rookfield Lane", to the current field.
    static func appendStreet(_ generator: inout SplitMix64, to writer: inout CSVWriter) {
        writer.append(place(generator.next(below: placeCount)))
        writer.append(" ")
        writer.append(streetKinds[generator.next(below: streetKinds.count)])
    }

    /// Appends a school's name to the current field: a place word and a kind of school.
    static func appendSchool(primary: Bool, ward: String, _ generator: inout SplitMix64, to writer: inout CSVWriter) {
        let primaryKinds = [
            "Primary School", "Primary Academy", "Junior School", "C of E Primary", "Community Primary",
        ]
        let secondaryKinds = ["Academy", "High School", "School", "Community College", "Secondary School"]
        writer.append(generator.chance(0.5) ? ward : place(generator.next(below: placeCount)))
        writer.append(" ")
        let kinds = primary ? primaryKinds : secondaryKinds
        writer.append(kinds[generator.next(below: kinds.count)])
    }

    /// Appends a group's name to the current field, such as "Sedgeholme Boys".
    static func appendGroup(ward: String, _ generator: inout SplitMix64, to writer: inout CSVWriter) {
        let kinds = ["Boys", "Crew", "Gang", "Network", "Firm", "Youngers"]
        if generator.chance(0.3) {
            writer.append(placeStarts[generator.next(below: placeStarts.count)].uppercased())
            writer.append(" ")
        } else {
            writer.append(generator.chance(0.5) ? ward : place(generator.next(below: placeCount)))
            writer.append(" ")
        }
        writer.append(kinds[generator.next(below: kinds.count)])
    }

    /// Appends a location's name for its category to the current field; addresses may hold a
    /// comma ("Flat 4, Larkmere House"), which the writer quotes.
    static func appendLocation(
        _ category: LocationCategory, ward: String, _ generator: inout SplitMix64, to writer: inout CSVWriter
    ) {
        let word = generator.chance(0.4) ? ward : place(generator.next(below: placeCount))
        func pick(_ options: [String]) -> String { options[generator.next(below: options.count)] }
        switch category {
        case .park:
            writer.append(word)
            writer.append(
                pick([" Park", " Recreation Ground", " Rec", " Woods", " Playing Fields", " Nature Reserve"]))
        case .takeaway:
            writer.append(word)
            writer.append(
                pick([" Fried Chicken", " Kebab House", " Fish Bar", " Pizza", " Chicken & Grill", " Noodle Bar"]))
        case .shop:
            writer.append(word)
            writer.append(pick([" Convenience Store", " Mini Market", " Vape Shop", " Newsagents", " Phone Repairs"]))
        case .address:
            if generator.chance(0.35) {
                writer.append("Flat ")
                writer.appendNumber(generator.next(in: 1...48))
                writer.append(", ")
                writer.append(word)
                writer.append(" House")
            } else {
                writer.appendNumber(generator.next(in: 1...240))
                writer.append(" ")
                appendStreet(&generator, to: &writer)
            }
        case .transport:
            writer.append(word)
            writer.append(pick([" Bus Station", " Railway Station", " Tram Stop", " Interchange", " Underpass"]))
        case .online:
            writer.append(pick(["Chatterline", "Snapvine", "Pixtalk", "Gamehall", "Loopcast"]))
            writer.append(pick([" group chat", " channel", " server", " story group"]))
            writer.append(" '")
            writer.append(word.lowercased())
            writer.appendNumber(generator.next(in: 1...99))
            writer.append("'")
        case .licensedPremises:
            if generator.chance(0.5) {
                writer.append("The ")
                writer.append(word)
                writer.append(pick([" Arms", " Tavern", " Inn", " Social Club"]))
            } else {
                writer.append(word)
                writer.append(pick([" Snooker Hall", " Off Licence", " Bar", " Nightclub"]))
            }
        case .other:
            writer.append(word)
            writer.append(
                pick([" Leisure Centre", " Shopping Centre", " Youth Club", " Library", " Skate Park", " Car Park"]))
        }
    }
}
