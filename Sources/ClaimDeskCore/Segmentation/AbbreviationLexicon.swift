/// How a known abbreviation behaves before the word that follows its full stop.
///
/// Abbreviations differ in where they stand: a title ("Gen.") always has a
/// name after it, "Inc." often ends a sentence, "No." is only short before a
/// number. The segmenter asks these flags instead of one flat list, which is
/// what lets "Co. at noon", "Co. It closed" and "Gen. Mark" all come out right.
struct AbbreviationRule: OptionSet, Sendable {
    let rawValue: UInt8

    /// Stands before a name ("Mr.", "Gen.", "Mt."): never ends a sentence when written with a capital.
    static let prepositive = AbbreviationRule(rawValue: 1)
    /// Stands before a number ("No. 5", "p. 55", "Jan. 20"): never ends a sentence before a digit.
    static let beforeNumber = AbbreviationRule(rawValue: 2)
    /// Can end a sentence ("Inc.", "U.S.", "etc."): ends one only before a word that starts sentences.
    static let postpositive = AbbreviationRule(rawValue: 4)
    /// Always inside a sentence ("vs.", "e.g.", "approx.").
    static let inner = AbbreviationRule(rawValue: 8)
    /// "a.m." and "p.m.": see `SentenceScanner` for the clock rule.
    static let clock = AbbreviationRule(rawValue: 16)
    /// Only an abbreviation when capitalised ("Ill." the state, not "ill." the word).
    static let capitalOnly = AbbreviationRule(rawValue: 32)
}

/// The word lists the segmenter consults, keyed by `WordKey`.
///
/// Everything here was collected for news English: titles and ranks, AP
/// state and month abbreviations, company suffixes, units, and the words
/// that start sentences in wire copy.
enum AbbreviationLexicon {
    /// Abbreviations written without inner full stops ("Gen", "Inc", "Calif").
    static let words: KeyTable<AbbreviationRule> = {
        var table: [UInt64: AbbreviationRule] = [:]
        func add(_ rule: AbbreviationRule, _ list: String) {
            for key in WordKey.keys(inList: list) { table[key, default: []].formUnion(rule) }
        }
        // Titles, ranks and honorifics.
        add(.prepositive, """
            mr mrs ms mx messrs mssrs mmes mme mlle dr drs prof profs gen gens lt col cols maj adm adms sgt sgts \
            capt cpt cmdr cdr comdr cmdt cpl pvt pfc spc ens brig lieut gov govs sen sens rep reps pres rev revd \
            hon fr msgr supt insp det atty attys amb mt mts rt ste sra srta dir asst fmr
            """)
        // Before a number only; after anything else these are ordinary words.
        add(.beforeNumber, "no nr num art arts ex op tab par ed eds ver tel ph fax ext apt rm n°")
        // Before a number, and otherwise ends a sentence only before a sentence starter.
        add([.beforeNumber, .postpositive], """
            nos vol vols ch chap chs fig figs para paras pt pts pp pg pgs sec secs sect hwy rte bldg est ca cir \
            jan feb apr jun jul aug sep sept oct nov dec tue tues thu thur thurs
            """)
        add([.beforeNumber, .postpositive, .capitalOnly], "mar mon wed fri")
        // Company suffixes, name suffixes, places and units that often end a sentence.
        add(.postpositive, """
            inc corp co cos ltd llc llp plc bros jr sr esq etc al dept depts univ assn assoc intl natl govt mfg \
            ave blvd rd ln ct pkwy sq expy fwy ctr hosp inst acad div dist twp mtn ft min mins hr hrs yr yrs mos \
            wk wks yd yds lb lbs oz mi gal qt cu tbsp tsp mgr mgmt ibid
            """)
        // U.S. states and Canadian provinces in AP style.
        add(.postpositive, """
            ariz calif colo conn fla kan kans ky mich minn mont neb nebr nev okla tenn tex vt wis wisc wyo \
            ont que alta sask nfld
            """)
        add([.postpositive, .capitalOnly], "ala ark del ga ill ind la md mass miss mo ore pa penn va wash")
        // Never at the end of a sentence.
        add(.inner, "vs v cf viz approx incl esp resp eg ie aka fka")
        return KeyTable(table, filler: [])
    }()

    /// Abbreviations written with inner full stops, keyed without them ("U.S." → "us").
    /// Any other letter–dot–letter form ("J.C.", "P.O.", "Ph.D.") is treated as postpositive.
    static let dotted: KeyTable<AbbreviationRule> = {
        var table: [UInt64: AbbreviationRule] = [:]
        for key in WordKey.keys(inList: "eg ie aka fka cf nb viz") { table[key] = .inner }
        for key in WordKey.keys(inList: "am pm") { table[key] = .clock }
        return KeyTable(table, filler: [])
    }()

    /// Capitalised words that begin sentences far more often than they continue a name.
    ///
    /// After an ambiguous abbreviation ("Co.", "U.S.", "etc.", a lone initial)
    /// the sentence ends only if the next word is one of these. "Will" and
    /// "May" are left out: they are names as often as verbs.
    static let sentenceStarters: KeySet = keys("""
        the a an this that these those there then thus hence it its he she his her they their them we our you \
        your i my us him but and or so yet nor if when whenever while where wherever why what whatever who whom \
        whose which how as at in on of by to from with without after before during since until although though \
        because once unless despite among amid under over between against about into through throughout within \
        meanwhile however moreover furthermore nevertheless nonetheless still also indeed instead otherwise now \
        later earlier today yesterday tomorrow tonight last next first second third finally many most some \
        several few all both each every either neither no not none nothing nobody everyone everybody everything \
        someone somebody something anyone anybody anything another other others such only even just please let \
        is are was were be been being do does did has have had can could would shall should might must here yes \
        oh mr mrs ms messrs officials authorities analysts investors experts critics residents witnesses \
        prosecutors researchers scientists doctors lawmakers millions thousands hundreds dozens according asked \
        speaking shares sales prices separately additionally consequently therefore accordingly similarly \
        likewise specifically overall currently recently previously eventually initially ultimately sometimes \
        often already again perhaps maybe whether diplomats ministers leaders voters workers troops soldiers \
        protesters activists members companies banks markets stocks traders economists consumers \
        farmers students teachers parents families citizens refugees migrants survivors victims rescuers \
        firefighters nurses patients negotiators observers opponents supporters rebels militants
        """)

    /// The closed-class part of the starters (pronouns, determiners, conjunctions, auxiliaries…),
    /// none of them a likely surname: after a name's initial only these end the sentence, so
    /// "Robert E. Most" stays whole while "World War I. The war…" splits.
    static let strongSentenceStarters: KeySet = keys("""
        the a an this that these those there it its he she his her they their them we our you your i my but \
        and or so yet if when while where why what who which how as at in on of by to from with after before \
        during since although though because however meanwhile moreover nevertheless is are was were do does \
        did has have had can could would should mr mrs ms
        """)

    /// Stems that start a sentence when an apostrophe follows ("Don't", "Can't", "Isn't").
    static let contractionStarters: KeySet = keys("""
        don didn doesn isn wasn aren weren won can couldn wouldn shouldn haven hasn hadn ain let
        """)

    /// Words after "a.m."/"p.m." that still belong to the time ("5 p.m. ET", "9 a.m. Friday").
    static let clockContinuations: KeySet = keys("""
        et est edt ct cst cdt mt mst mdt pt pst pdt gmt utc bst cet cest eet eest jst ist kst aest aedt hkt sgt \
        wib msk local eastern central mountain pacific atlantic greenwich monday tuesday wednesday thursday \
        friday saturday sunday mon tue tues wed thu thur thurs fri sat sun january february march april may \
        june july august september october november december jan feb mar apr jun jul aug sep sept oct nov dec
        """)

    /// First words of an introductory time phrase ("At 5 a.m. Mr. Smith…").
    static let timePhraseOpeners: KeySet = keys("""
        at by around about until till before after from since shortly just early late starting beginning \
        between on roughly nearly almost sometime soon as past near
        """)

    /// Names written with an exclamation mark, which does not end the sentence.
    static let exclamatoryNames: KeySet = keys("yahoo jeopardy")

    /// Roman numerals used to number list items and sections.
    static let romanNumerals: KeyTable<Int> = {
        let numerals = WordKey.keys(inList: "i ii iii iv v vi vii viii ix x xi xii xiii xiv xv xvi xvii xviii xix xx")
        var table: [UInt64: Int] = [:]
        for (index, key) in numerals.enumerated() { table[key] = index + 1 }
        return KeyTable(table, filler: 0)
    }()

    /// Words without vowels that are not abbreviations.
    static let vowellessWords: KeySet = keys("hmm hm mm mmm shh sh psst pst brr grr tsk pfft nth zzz")

    private static func keys(_ list: String) -> KeySet {
        KeySet(WordKey.keys(inList: list))
    }
}
