/// Words the segmenter consults in Arabic-script text, where no capital letter marks a sentence start.
enum ArabicScriptLexicon {
    /// Urdu and Persian postpositions that follow a quoted phrase inside the sentence
    /// ("… کے نعرے لگائے گئے", "… را سر دادند").
    static let postpositions: [[UInt32]] = ["کے", "کی", "کا", "نے", "کو", "میں", "سے", "پر", "تک", "را"]
        .map { $0.unicodeScalars.map(\.value) }

    static func isPostposition(_ t: UnsafeBufferPointer<UInt32>, _ range: Range<Int>) -> Bool {
        postpositions.contains { word in
            word.count == range.count && zip(word, range).allSatisfy { $0 == t[$1] }
        }
    }
}
