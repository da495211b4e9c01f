public import Foundation

/// A tiny, entirely fictional dataset with known answers, for pipeline, privacy and CLI tests.
///
/// Two concern clusters: {X-1 perpetrator, C-1, C-2 children, P-1 peer, L-1 takeaway, G-1 group}
/// and {C-3 child, P-2 peer}. The E-graded link between P-2 and X-1 would join them if it were
/// not left out. P-9 is an ordinary peer linked only to P-1 (no concern link) and S-1 a school
/// reached only through `attends`, so neither is in a cluster. Labels and notes carry markers
/// (`Secret-Label-…`, `Secret-Note-…`) that privacy tests look for in logs.
public enum TinyDataset {
    public static let entities = """
        id,kind,label,risk_level,exploitation,area,category,dob,updated
        C-1,child,Secret-Label-Amelia,4,cce;county_lines,North Ward,,2009-04-01,2024-09-01
        C-2,child,Secret-Label-Bilal,3,cse,North Ward,,2010-01-15,2024-08-20
        C-3,child,Secret-Label-Cara,2,missing,South Ward,,2008-11-30,2024-07-11
        P-1,peer,Secret-Label-Dev,,,North Ward,,2009-06-06,
        P-2,peer,Secret-Label-Ezra,,,South Ward,,2009-02-02,
        P-9,peer,Secret-Label-Finn,,,North Ward,,2009-03-03,
        X-1,perpetrator,Secret-Label-Gus,4,cce,North Ward,,1990-05-05,2024-09-10
        L-1,location,Secret-Label-Chicken Shop,4,,North Ward,takeaway,,2024-09-01
        S-1,school,Secret-Label-Hill Academy,,,North Ward,,,
        G-1,group,Secret-Label-Crew,3,cce,North Ward,,,

        """
    public static let links = """
        source,target,kind,weight,first_seen,last_seen,agency,grading
        X-1,C-1,exploits,5,2024-03-01,2024-09-20,police,1B
        C-1,P-1,associate,3,2023-09-01,2024-09-01,education,2B
        C-1,L-1,frequents,4,2024-01-01,2024-09-15,police,2C
        C-2,L-1,frequents,2,2024-05-01,2024-09-01,community_safety,3C
        X-1,G-1,member,4,2023-01-01,2024-08-01,police,1A
        C-3,P-2,sibling,5,,,social_care,1A
        P-2,X-1,associate,1,2024-06-01,2024-06-02,police,3E
        P-9,P-1,associate,2,,,education,
        C-1,S-1,attends,1,,,education,1A
        C-3,S-1,attends,1,,,education,1A
        P-9,S-1,attends,1,,,education,1A

        """
    public static let events = """
        date,kind,entity,location,notes
        2024-08-01,missing_episode,C-1,,Secret-Note-left after school
        2024-08-02,found_at,C-1,L-1,Secret-Note-found by patrol

        """

    /// Every label and note marker, for tests that prove none reaches a log or aggregate output.
    public static var personalMarkers: [String] {
        ["Secret-Label", "Secret-Note", "Amelia", "Bilal", "Chicken Shop", "2009-04-01", "1990-05-05"]
    }

    /// Writes the dataset into `folder` (created if needed).
    public static func write(to folder: String) throws {
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        try Data(entities.utf8).write(to: URL(fileURLWithPath: folder + "/entities.csv"))
        try Data(links.utf8).write(to: URL(fileURLWithPath: folder + "/links.csv"))
        try Data(events.utf8).write(to: URL(fileURLWithPath: folder + "/events.csv"))
    }
}

/// Every file a reader sees under `folder`, with its bytes, keyed by relative path.
///
/// An output folder keeps its files in generations (`.contextd-runs/<generation>/`, switched by
/// the `current` link) and shows them through top-level links (`maps -> current/maps`): the
/// snapshot follows those links, as a reader does, and leaves out the generations themselves and
/// `current`, so two folders holding the same outputs have equal snapshots.
public func snapshot(of folder: String) throws -> [String: Data] {
    var files: [String: Data] = [:]
    func walk(_ relative: String) throws {
        let path = relative.isEmpty ? folder : folder + "/" + relative
        for name in try FileManager.default.contentsOfDirectory(atPath: path) {
            if relative.isEmpty && (name == ".contextd-runs" || name == "current") { continue }
            let child = relative.isEmpty ? name : relative + "/" + name
            var isFolder: ObjCBool = false
            guard FileManager.default.fileExists(atPath: folder + "/" + child, isDirectory: &isFolder) else { continue }
            if isFolder.boolValue {
                try walk(child)
            } else {
                files[child] = try Data(contentsOf: URL(fileURLWithPath: folder + "/" + child))
            }
        }
    }
    var isFolder: ObjCBool = false
    guard FileManager.default.fileExists(atPath: folder, isDirectory: &isFolder), isFolder.boolValue else {
        return files
    }
    try walk("")
    return files
}
