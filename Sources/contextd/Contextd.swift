@main struct Contextd { static func main() {} }
