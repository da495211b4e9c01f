import ContextModel

@testable import ContextIngest

extension Hostile {
    /// Every hostile case, the expected outcome written out in full.
    static let cases: [HostileCase] =
        encoding + structure + emptiness + identity + values + text + limits
        + otherFiles

    static let encoding: [HostileCase] = [
        HostileCase(
            name: "byte order mark on every file",
            files: files(entities: [0xEF, 0xBB, 0xBF] + text(entities), links: [0xEF, 0xBB, 0xBF] + text(links)),
            diagnostics: [], counts: [5, 2, 0, 0]),
        HostileCase(
            name: "CRLF line ends",
            files: files(
                entities: text(entities.replacingOccurrences("\n", "\r\n")),
                links: text(links.replacingOccurrences("\n", "\r\n"))),
            diagnostics: [], counts: [5, 2, 0, 0]),
        HostileCase(
            name: "LF and CRLF mixed, no final line end",
            files: files(
                entities: text("id,kind\r\nC-1,child\nX-1,perpetrator\r\nP-1,peer"),
                links: text("source,target,kind\nX-1,C-1,exploits\r\nC-1,P-1,associate")),
            diagnostics: [], counts: [3, 2, 0, 0]),
        HostileCase(
            name: "only a byte order mark",
            files: files(entities: [0xEF, 0xBB, 0xBF], links: text("source,target,kind\n")),
            diagnostics: ["entities.csv:1:1: error: file is empty; expected a header row naming the columns"],
            counts: nil),
        HostileCase(
            name: "invalid UTF-8 in a label",
            files: files(
                entities: text("id,kind,label\nC-1,child,An") + [0xFF] + text("n\nX-1,perpetrator,\nP-1,peer,\n")),
            diagnostics: [
                "entities.csv:2:13: error: invalid UTF-8 (files must be UTF-8 encoded)",
                "links.csv:2:5: error: target 'C-1' refers to an entity whose row has errors (entities.csv line 2)",
                "links.csv:3:1: error: source 'C-1' refers to an entity whose row has errors (entities.csv line 2)",
            ],
            counts: [2, 0, 0, 0], setAside: ["entities.csv:2", "links.csv:2", "links.csv:3"]),
        HostileCase(
            name: "overlong UTF-8 encoding in an id",
            files: files(entities: text("id,kind\nC-1,child\nX-1,perpetrator\nP-") + [0xC0, 0x80] + text("1,peer\n")),
            diagnostics: [
                "entities.csv:4:3: error: invalid UTF-8 (files must be UTF-8 encoded)",
                "links.csv:3:5: error: target 'P-1' is not the id of any entity in entities.csv",
            ],
            counts: [2, 1, 0, 0], setAside: ["entities.csv:4", "links.csv:3"]),
        HostileCase(
            name: "a UTF-16 file",
            files: files(
                entities: [0xFF, 0xFE]
                    + Array("id,kind\nC-1,child\n".utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }),
                links: text("source,target,kind\n")),
            diagnostics: ["entities.csv:1:1: error: in the header: invalid UTF-8 (files must be UTF-8 encoded)"],
            counts: nil),
        HostileCase(
            name: "NUL byte in an id",
            files: files(entities: text("id,kind\nC-") + [0] + text("1,child\nX-1,perpetrator\nP-1,peer\n")),
            diagnostics: [
                "entities.csv:2:3: error: NUL byte in the file",
                "links.csv:2:5: error: target 'C-1' is not the id of any entity in entities.csv",
                "links.csv:3:1: error: source 'C-1' is not the id of any entity in entities.csv",
            ],
            counts: [2, 0, 0, 0], setAside: ["entities.csv:2", "links.csv:2", "links.csv:3"]),
        HostileCase(
            name: "CR-only line ends",
            files: files(entities: text("id,kind\rC-1,child\r"), links: text("source,target,kind\n")),
            diagnostics: ["entities.csv:1:1: error: missing required column 'kind'"], counts: nil),
    ]

    static let structure: [HostileCase] = [
        HostileCase(
            name: "quoted commas, line breaks and doubled quotes",
            files: files(
                entities: text(
                    "id,kind,label,risk_level,dob\nC-1,child,\"Smith, \"\"Jo\"\"\nsecond line\",3,\nP-1,peer,,9,\nX-1,perpetrator,,4,\n"
                )),
            diagnostics: [
                "entities.csv:4:11: error: risk_level '9' is out of range; expected a MACE level 1 to 4",
                "links.csv:3:5: error: target 'P-1' refers to an entity whose row has errors (entities.csv line 4)",
            ],
            counts: [2, 1, 0, 0], setAside: ["entities.csv:4", "links.csv:3"]),
        HostileCase(
            name: "unterminated quote",
            files: files(links: text("source,target,kind\nX-1,C-1,exploits\n\"C-1,P-1,associate\n")),
            diagnostics: [
                "links.csv:3:1: error: unterminated quoted field (no closing quote before the end of the file)"
            ],
            counts: [5, 1, 0, 0], setAside: ["links.csv:3"]),
        HostileCase(
            name: "unterminated quote swallowing later lines",
            files: files(links: text("source,target,kind\nX-1,\"C-1,exploits\nC-1,P-1,associate\n")),
            diagnostics: [
                "links.csv:2:5: error: unterminated quoted field (no closing quote before the end of the file); lines 2 to 3 were read as this one field",
                "entities.csv:2:1: warning: child 'C-1' has no links",
            ],
            counts: [5, 0, 0, 0], setAside: ["links.csv:2"]),
        HostileCase(
            name: "text after a closing quote",
            files: files(
                entities: text(entities.replacingOccurrences("L-1,location,Park,,", "L-1,location,\"Park\"s,,"))),
            diagnostics: ["entities.csv:5:20: error: text after the closing quote of a quoted field"],
            counts: [4, 2, 0, 0], setAside: ["entities.csv:5"]),
        HostileCase(
            name: "quote inside an unquoted field",
            files: files(entities: text(entities.replacingOccurrences("P-1,peer,Bo,,", "P-1,peer,Bo \"the\" B,,"))),
            diagnostics: [
                "entities.csv:3:13: error: quote character inside an unquoted field (quote the field and double the quote)",
                "links.csv:3:5: error: target 'P-1' refers to an entity whose row has errors (entities.csv line 3)",
            ],
            counts: [4, 1, 0, 0], setAside: ["entities.csv:3", "links.csv:3"]),
        HostileCase(
            name: "short ragged row",
            files: files(entities: text(entities.replacingOccurrences("S-1,school,Hill,,", "S-1,school"))),
            diagnostics: ["entities.csv:6:1: error: row has 2 fields; the header has 5"],
            counts: [4, 2, 0, 0], setAside: ["entities.csv:6"]),
        HostileCase(
            // Found by fuzzing: reading the id of a short row crashed when `id` was not the first column.
            name: "short ragged row when id is not the first column",
            files: files(
                entities: text("kind,id,label\nchild,C-1,Ann\nperpetrator\n"), links: text("source,target,kind\n")),
            diagnostics: [
                "entities.csv:3:1: error: row has 1 fields; the header has 3",
                "entities.csv:2:7: warning: child 'C-1' has no links",
            ],
            counts: [1, 0, 0, 0], setAside: ["entities.csv:3"]),
        HostileCase(
            name: "long ragged row",
            files: files(links: text("source,target,kind\nX-1,C-1,exploits,extra\nC-1,P-1,associate\n")),
            diagnostics: ["links.csv:2:18: error: row has 4 fields; the header has 3"],
            counts: [5, 1, 0, 0], setAside: ["links.csv:2"]),
        HostileCase(
            name: "a row of a million commas",
            files: files(
                links: text(
                    "source,target,kind\nX-1,C-1,exploits\nC-1,P-1,associate" + String(repeating: ",", count: 1_000_000)
                        + "\n")),
            diagnostics: ["links.csv:3:19: error: row has 1000003 fields; the header has 3"],
            counts: [5, 1, 0, 0], setAside: ["links.csv:3"]),
        HostileCase(
            name: "blank lines keep their line numbers",
            files: files(entities: text("id,kind\n\nC-1,child\n\n\nX-1,perpetrator,extra\nP-1,peer\n")),
            diagnostics: [
                "entities.csv:6:17: error: row has 3 fields; the header has 2",
                "links.csv:2:1: error: source 'X-1' refers to an entity whose row has errors (entities.csv line 6)",
            ],
            counts: [2, 1, 0, 0], setAside: ["entities.csv:6", "links.csv:2"]),
    ]

    static let emptiness: [HostileCase] = [
        HostileCase(
            name: "empty entities file",
            files: files(entities: []),
            diagnostics: [
                "entities.csv:1:1: error: file is empty; expected a header row naming the columns",
                "links.csv:2:1: error: source 'X-1' is not the id of any entity in entities.csv",
                "links.csv:2:5: error: target 'C-1' is not the id of any entity in entities.csv",
                "links.csv:3:1: error: source 'C-1' is not the id of any entity in entities.csv",
                "links.csv:3:5: error: target 'P-1' is not the id of any entity in entities.csv",
            ],
            counts: nil),
        HostileCase(
            name: "empty links file",
            files: files(links: []),
            diagnostics: [
                "links.csv:1:1: error: file is empty; expected a header row naming the columns",
                "entities.csv:2:1: warning: child 'C-1' has no links",
            ],
            counts: nil),
        HostileCase(
            name: "header-only files",
            files: files(entities: text("id,kind\n"), links: text("source,target,kind")),
            diagnostics: [], counts: [0, 0, 0, 0]),
        HostileCase(
            name: "header-only links",
            files: files(links: text("source,target,kind\n")),
            diagnostics: ["entities.csv:2:1: warning: child 'C-1' has no links"], counts: [5, 0, 0, 0]),
        HostileCase(
            name: "missing required column",
            files: files(entities: text("id,label\nC-1,Ann\n"), links: text("source,target,kind\n")),
            diagnostics: ["entities.csv:1:1: error: missing required column 'kind'"], counts: nil),
        HostileCase(
            name: "duplicate column",
            files: files(entities: text("id,kind,Kind\nC-1,child,peer\n"), links: text("source,target,kind\n")),
            diagnostics: ["entities.csv:1:9: error: duplicate column 'Kind' (also column 2 of the header)"],
            counts: nil),
        HostileCase(
            name: "missing required values",
            files: files(links: text("source,target,kind\n,C-1,exploits\nC-1,P-1,\n")),
            diagnostics: [
                "links.csv:2:1: error: missing required value in column 'source'",
                "links.csv:3:9: error: missing required value in column 'kind'",
                "entities.csv:2:1: warning: child 'C-1' has no links",
            ],
            counts: [5, 0, 0, 0], setAside: ["links.csv:2", "links.csv:3"]),
    ]

    static let identity: [HostileCase] = [
        HostileCase(
            name: "header names in any case, padded, in any order",
            files: files(
                entities: text(" KIND , Id ,Label\nchild,C-1,Ann\nperpetrator,X-1,Cy\n"),
                links: text(" Target,SOURCE ,kind\nC-1,X-1,exploits\n")),
            diagnostics: [], counts: [2, 1, 0, 0]),
        HostileCase(
            name: "duplicate ids",
            files: files(entities: text(entities + "C-1,peer,Dup,,\n")),
            diagnostics: ["entities.csv:7:1: error: duplicate id 'C-1'; first defined on line 2"],
            counts: [5, 2, 0, 0], setAside: ["entities.csv:7"]),
        HostileCase(
            name: "ids differing only by case or script are different",
            files: files(
                entities: text("id,kind\nC-1,child\nc-1,child\n\u{0421}-1,child\n"),
                links: text("source,target,kind\nC-1,c-1,associate\nc-1,\u{0421}-1,associate\n")),
            diagnostics: [
                "entities.csv:3:1: warning: id 'c-1' looks like the id 'C-1' on line 2 (the same ignoring case); ids are compared exactly, so these are two entities",
                "entities.csv:4:1: warning: id '\u{0421}-1' looks like the id 'C-1' on line 2 (the same once look-alike letters from other scripts are read as Latin ones); ids are compared exactly, so these are two entities",
            ], counts: [3, 2, 0, 0]),
        HostileCase(
            name: "ids with slashes, dots and path syntax",
            files: files(
                entities: text("id,kind\n../../etc/passwd,child\n./.,perpetrator\na/b\\c,peer\n~,location\n/,school\n"),
                links: text(
                    "source,target,kind\n./.,../../etc/passwd,exploits\n../../etc/passwd,a/b\\c,associate\n../../etc/passwd,~,frequents\na/b\\c,/,attends\n"
                )),
            diagnostics: [], counts: [5, 4, 0, 0]),
        HostileCase(
            name: "an id of spaces only is an id",
            files: files(
                entities: text("id,kind\n   ,child\nX-1,perpetrator\n"),
                links: text("source,target,kind\nX-1,   ,exploits\n")),
            diagnostics: [], counts: [2, 1, 0, 0]),
        HostileCase(
            name: "unknown entity kind",
            files: files(entities: text(entities + "Z-1,dragon,,,\n")),
            diagnostics: [
                "entities.csv:7:5: error: unknown kind 'dragon'; expected one of: child, peer, perpetrator, location, school, group"
            ],
            counts: [5, 2, 0, 0], setAside: ["entities.csv:7"]),
        HostileCase(
            name: "unknown link kind",
            files: files(links: text("source,target,kind\nX-1,C-1,exploits\nC-1,P-1,befriends\n")),
            diagnostics: [
                "links.csv:3:9: error: unknown kind 'befriends'; expected one of: associate, attends, frequents, exploits, relationship, member, online_contact, sibling"
            ],
            counts: [5, 1, 0, 0], setAside: ["links.csv:3"]),
        HostileCase(
            name: "link to an unknown id",
            files: files(links: text("source,target,kind\nX-1,C-1,exploits\nC-1,P-404,associate\n")),
            diagnostics: ["links.csv:3:5: error: target 'P-404' is not the id of any entity in entities.csv"],
            counts: [5, 1, 0, 0], setAside: ["links.csv:3"]),
        HostileCase(
            name: "link of the wrong shape",
            files: files(links: text("source,target,kind\nX-1,C-1,exploits\nC-1,L-1,attends\n")),
            diagnostics: ["links.csv:3:9: error: an 'attends' link must end at a school, not a location"],
            counts: [5, 1, 0, 0], setAside: ["links.csv:3"]),
        HostileCase(
            name: "self-link",
            files: files(links: text(links + "C-1,C-1,associate\n")),
            diagnostics: ["links.csv:4:5: warning: self-link (source and target are the same entity): dropped"],
            counts: [5, 2, 0, 0]),
        HostileCase(
            name: "duplicate link, written the other way round",
            files: files(links: text(links + "P-1,C-1,associate\n")),
            diagnostics: ["links.csv:4:1: warning: duplicate of the link on line 3: merged into it"],
            counts: [5, 2, 0, 0]),
    ]
}
