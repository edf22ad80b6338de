//! Closed word lists of English news prose: titles, function words, head nouns of
//! nominal mentions, speech and arrest verbs. General vocabulary, no article's strings.

/// Titles and honorifics that precede a person's name and are not part of it.
pub const PERSON_TITLES: &[&str] = &[
    "Mr", "Mr.", "Mrs", "Mrs.", "Ms", "Ms.", "Miss", "Dr", "Dr.", "Prof", "Prof.", "Professor", "Sir", "Dame", "Lord", "Lady",
    "President", "Vice", "Prime", "Minister", "Secretary", "Chancellor", "Senator", "Sen.", "Rep.", "Representative",
    "Congressman", "Congresswoman", "Governor", "Gov.", "Mayor", "Judge", "Justice", "King", "Queen", "Prince",
    "Princess", "Pope", "General", "Gen.", "Colonel", "Col.", "Captain", "Capt.", "Lieutenant", "Lt.", "Major",
    "Sergeant", "Sgt.", "Commissioner", "Deputy", "Assistant", "Chief", "Inspector", "Detective", "Superintendent",
    "Constable", "PC", "DC", "DI", "DCI", "Commander", "Director", "Chairman", "Chairwoman", "Chair", "CEO", "Ambassador",
    "Archbishop", "Bishop", "Rev.", "Reverend", "Father", "Sheriff", "Attorney", "Speaker", "Officer", "Agent", "Home",
    "Foreign", "Defence", "Defense", "Justice", "Culture", "Health", "Interior", "State", "Chief Executive", "Executive",
    "Spokesman", "Spokeswoman", "Leader", "Premier", "Chancellor", "Marshal", "Private", "Corporal", "Admiral",
];

/// Title words that, alone, mark the end of a title run ("Home Secretary", "Deputy
/// Assistant Commissioner"): the words before them in the run belong to the title.
pub const TITLE_HEADS: &[&str] = &[
    "Mr", "Mr.", "Mrs", "Mrs.", "Ms", "Ms.", "Miss", "Dr", "Dr.", "Prof", "Prof.", "Professor", "Sir", "Dame", "Lord", "Lady",
    "President", "Minister", "Secretary", "Chancellor", "Senator", "Sen.", "Rep.", "Representative", "Congressman",
    "Congresswoman", "Governor", "Gov.", "Mayor", "Judge", "Justice", "King", "Queen", "Prince", "Princess", "Pope",
    "General", "Gen.", "Colonel", "Col.", "Captain", "Capt.", "Lieutenant", "Lt.", "Sergeant", "Sgt.", "Commissioner",
    "Inspector", "Detective", "Superintendent", "Constable", "Commander", "Director", "Chairman", "Chairwoman", "CEO",
    "Ambassador", "Archbishop", "Bishop", "Rev.", "Reverend", "Sheriff", "Speaker", "Officer", "Agent", "Spokesman",
    "Spokeswoman", "Premier", "Marshal", "Corporal", "Admiral", "Chief",
];

/// Female and male honorifics, for pronoun agreement.
pub const FEMALE_TITLES: &[&str] = &["Mrs", "Mrs.", "Ms", "Ms.", "Miss", "Dame", "Lady", "Queen", "Princess", "Congresswoman", "Chairwoman", "Spokeswoman"];
pub const MALE_TITLES: &[&str] = &["Mr", "Mr.", "Sir", "Lord", "King", "Prince", "Congressman", "Chairman", "Spokesman", "Father"];

/// Last words of organisation names.
pub const ORG_SUFFIXES: &[&str] = &[
    "Inc", "Inc.", "Corp", "Corp.", "Corporation", "Ltd", "Ltd.", "LLC", "plc", "PLC", "Co.", "Company", "Group", "Police",
    "Agency", "Party", "Council", "University", "College", "School", "Bank", "News", "Times", "Post", "Journal",
    "Telegraph", "Guardian", "Herald", "Tribune", "Gazette", "Magazine", "Press", "Media", "Network", "Broadcasting",
    "Bureau", "Service", "Services", "Ministry", "Department", "Office", "Commission", "Committee", "Association",
    "Union", "Institute", "Foundation", "Trust", "Fund", "Society", "Federation", "Organization", "Organisation",
    "Army", "Navy", "Force", "Forces", "Airlines", "Airways", "Club", "FC", "Church", "Court", "Parliament", "Assembly",
    "Senate", "Congress", "Cabinet", "Board", "Authority", "Administration", "Coalition", "Alliance", "Movement",
    "Front", "Brigade", "Brigades", "Systems", "Technologies", "Labs", "Holdings", "Industries", "Motors", "Records",
    "Studios", "Pictures", "Entertainment", "Reuters", "Institution", "Centre", "Center", "Hospital", "Academy",
    "Mobile", "Telecom", "Telecommunications", "Communications", "Chronicle", "Observer", "Mirror", "Express", "Daily",
    "Weekly", "Review", "Logistics", "Shipping", "Energy", "Oil", "Petroleum", "Gas", "Steel", "Mining", "Pharma",
    "Pharmaceuticals", "Insurance", "Capital", "Partners", "Ventures", "Investments", "Securities", "Bancorp",
    "Airport", "Railways", "Railway", "Transport", "Health", "Software", "Electronics", "Foods", "Brewery", "Bureau",
    "Agency", "Commission", "Directorate", "Inspectorate", "Regiment", "Squad", "Unit", "Gazette", "Radio",
    "Television", "TV", "Channel", "Wire", "Online", "Digital", "Solutions", "Consulting", "Associates", "Photo",
    "Photos", "Images", "Pictures",
];

/// Last words of place names.
pub const PLACE_SUFFIXES: &[&str] = &[
    "Bridge", "Street", "St", "Road", "Rd", "Avenue", "Ave", "Lane", "Square", "Boulevard", "River", "Lake", "Mountain",
    "Mountains", "Mount", "Island", "Islands", "County", "Province", "City", "Palace", "Abbey", "Cathedral", "Station",
    "Airport", "Park", "Valley", "Bay", "Sea", "Ocean", "Tower", "Building", "Castle", "Gardens", "Heights", "Hill",
    "Hills", "Beach", "Coast", "Desert", "Forest", "Canyon", "Harbour", "Harbor", "Port", "Gate", "Gates", "Stadium",
    "Arena", "Plaza", "Market", "Peninsula", "Region", "District", "State", "Republic", "Kingdom", "Estate", "Village",
    "Town", "Borough",
];

/// Capitalised words that start sentences but are not names.
pub const COMMON_CAPITALISED: &[&str] = &[
    "A", "An", "The", "This", "That", "These", "Those", "There", "Here", "It", "Its", "He", "She", "They", "We", "I", "You",
    "His", "Her", "Their", "Our", "My", "Your", "Him", "Them", "Us", "Me", "But", "And", "Or", "Nor", "So", "Yet", "If",
    "When", "While", "Where", "What", "Who", "Whom", "Why", "How", "Which", "Whether", "After", "Before", "During",
    "Since", "Until", "Although", "Though", "Because", "As", "At", "In", "On", "Of", "For", "From", "With", "Without",
    "By", "To", "Into", "About", "Over", "Under", "Between", "Among", "Against", "Despite", "Amid", "Also", "Still",
    "Even", "Just", "Only", "Then", "Now", "Meanwhile", "However", "Instead", "Indeed", "Some", "Many", "Most", "All",
    "Both", "Each", "Every", "No", "Not", "None", "One", "Two", "Three", "Four", "Five", "Six", "Seven", "Eight",
    "Nine", "Ten", "Several", "Few", "Other", "Another", "Such", "Any", "Neither", "Either", "Last", "Next", "First",
    "Second", "Third", "Later", "Earlier", "Today", "Yesterday", "Tomorrow", "Tonight", "Yes", "Please", "Thank",
    "Thanks", "Let", "According", "Asked", "Speaking", "Like", "Unlike", "More", "Less", "Much", "Police", "Officials",
    "Authorities", "Investigators", "Officers", "Witnesses", "People", "Something", "Nothing", "Everything",
    "Anything", "Someone", "Everyone", "Nobody", "Compelling", "Encrypted", "Controversy", "Judges", "Leave", "Want",
    "Feel", "Get", "Sign", "Read", "Watch", "Follow", "Click", "Share", "Comments", "Reply", "Image", "Photo", "Video",
    "Pictured", "Updated", "Published", "Posted", "Mr", "Ms", "Mrs", "Dr", "Well", "Oh", "Once", "Never", "Always",
    "Perhaps", "Maybe", "Already", "Again", "Further", "Rather", "Almost", "Nearly", "Too", "Very", "Why", "Whatever",
    "Whoever", "Whenever", "Wherever", "Whichever", "Upon", "Within", "Through", "Throughout", "Across", "Along",
    "Around", "Behind", "Below", "Beneath", "Beside", "Beyond", "Near", "Off", "Onto", "Out", "Outside", "Inside",
    "Toward", "Towards", "Via", "Per", "Than", "Do", "Does", "Did", "Is", "Are", "Was", "Were", "Be", "Been", "Being",
    "Have", "Has", "Had", "Will", "Would", "Can", "Could", "Should", "May", "Might", "Must", "Shall", "Experts",
    "Critics", "Supporters", "Residents", "Students", "Scientists", "Researchers", "Analysts", "Sources", "Reports",
    "Eleven", "Twelve", "Twenty", "Thirty", "Forty", "Fifty", "Sixty", "Seventy", "Eighty", "Ninety", "Hundred",
    "Hundreds", "Thousands", "Millions", "Dozens", "Fourth", "Fifth", "Finally", "Overall", "Together", "Currently",
];

/// Words that are capitalised but never entity names in news text.
pub const NEVER_NAMES: &[&str] = &[
    "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday", "January", "February", "March", "April",
    "June", "July", "August", "September", "October", "November", "December", "Jan", "Feb", "Mar", "Apr", "Jun", "Jul",
    "Aug", "Sep", "Sept", "Oct", "Nov", "Dec", "English", "British", "Briton", "Britons", "American", "Americans",
    "European", "Western", "Eastern", "Northern", "Southern", "Muslim", "Muslims", "Christian", "Islamic", "Jewish",
    "Arab", "Londoners", "SUV", "CEO", "TV", "OK", "AM", "PM", "GMT", "BST", "EST", "UTC", "Act", "Bill", "Law",
    "World", "Internet", "Web", "God", "Christmas", "Easter", "Ramadan", "Eid", "A.M.", "P.M.", "CCTV", "DNA", "ID",
    "UPDATE", "BREAKING", "EXCLUSIVE", "Page", "Section", "Chapter", "Figure", "Table",
];

/// Lower-case words that may join capitalised words into one name ("Bank of England").
pub const NAME_CONNECTORS: &[&str] = &["of", "for", "and", "de", "la", "du", "van", "von", "der", "al", "bin", "el", "da", "di", "&"];

/// Head nouns of nominal mentions, by type.
pub const PERSON_HEADS: &[&str] = &[
    "man", "woman", "boy", "girl", "attacker", "assailant", "suspect", "gunman", "killer", "terrorist", "officer",
    "policeman", "policewoman", "constable", "spokesman", "spokeswoman", "spokesperson", "minister", "secretary",
    "official", "victim", "father", "mother", "wife", "husband", "son", "daughter", "brother", "sister", "driver",
    "leader", "president", "chief", "commissioner", "director", "lawyer", "judge", "teacher", "student", "witness",
    "soldier", "journalist", "reporter", "Briton", "citizen", "resident", "prosecutor", "mayor", "governor",
    "senator", "businessman", "businesswoman", "founder", "executive", "chairman", "chairwoman", "perpetrator",
    "shooter", "bomber", "doctor", "nurse", "pilot", "passenger", "pedestrian", "teenager", "child", "baby", "detective",
    "inspector", "widow", "father-of-three", "mother-of-two", "convert", "preacher", "imam", "cleric", "activist",
    "campaigner", "analyst", "expert", "researcher", "professor", "scientist", "author", "writer", "actor", "actress",
    "singer", "player", "coach", "manager", "owner", "employee", "worker", "volunteer", "candidate", "MP", "lawmaker",
];
pub const ORGANIZATION_HEADS: &[&str] = &[
    "government", "company", "firm", "agency", "ministry", "department", "party", "newspaper", "broadcaster", "app",
    "service", "platform", "network", "group", "organisation", "organization", "charity", "bank", "union", "council",
    "court", "army", "militia", "regime", "administration", "startup", "giant", "retailer", "manufacturer", "insurer",
    "airline", "club", "team", "university", "school", "hospital", "publisher", "website", "magazine", "channel",
];
pub const PLACE_HEADS: &[&str] = &["city", "town", "village", "country", "capital", "region", "province", "building", "bridge", "street", "square", "airport", "station", "palace", "island", "county", "neighbourhood", "neighborhood", "suburb", "district"];
pub const EVENT_HEADS: &[&str] = &[
    "attack", "rampage", "assault", "incident", "shooting", "stabbing", "bombing", "explosion", "blast", "arrest",
    "raid", "meeting", "summit", "investigation", "inquiry", "probe", "election", "referendum", "vote", "battle",
    "war", "boycott", "interview", "pilgrimage", "protest", "demonstration", "riot", "trial", "hearing", "strike",
    "crash", "collision", "massacre", "ceremony", "visit", "conference", "funeral", "siege", "hijacking", "kidnapping",
    "murder", "killing", "coup", "invasion", "earthquake", "flood", "hurricane", "fire", "outbreak", "concert",
    "festival", "match", "tournament", "campaign", "operation", "rally", "speech", "debate", "vigil", "lawsuit",
];
/// Event heads that name violent attacks; definite mentions of them corefer within an article.
pub const ATTACK_HEADS: &[&str] = &["attack", "rampage", "assault", "incident", "shooting", "stabbing", "bombing", "explosion", "blast", "massacre", "siege"];

/// Words that open a nominal mention.
pub const DETERMINERS: &[&str] = &["the", "a", "an", "this", "that", "another", "one", "his", "her", "its", "their", "our", "The", "A", "An", "This", "That", "Another", "One", "His", "Her", "Its", "Their", "Our"];

/// Speech verbs, in every form we attribute quotations by.
pub const SPEECH_VERBS: &[&str] = &[
    "said", "says", "say", "told", "tells", "added", "adds", "warned", "warns", "urged", "urges", "declared", "declares",
    "stated", "states", "explained", "explains", "insisted", "insists", "claimed", "claims", "argued", "argues",
    "wrote", "writes", "noted", "notes", "asked", "asks", "replied", "replies", "announced", "announces", "continued",
    "continues", "admitted", "admits", "acknowledged", "acknowledges", "suggested", "suggests", "believes", "believed",
    "stressed", "stresses", "tweeted", "tweets", "posted", "commented", "comments", "recalled", "recalls", "conceded",
    "concedes", "confirmed", "confirms", "denied", "denies", "testified", "testifies", "reported", "reports",
    "promised", "promises", "predicted", "predicts", "cautioned", "cautions", "emphasised", "emphasized", "pointed",
    "maintained", "maintains", "revealed", "reveals", "thinks", "thought", "saying", "telling", "adding", "warning",
];

/// Verbs that report speech and may take a clause ("said it was", "warned that").
pub const REPORTING_VERBS: &[&str] = &[
    "said", "says", "told", "warned", "warns", "declared", "declares", "stated", "insisted", "insists", "claimed", "claims",
    "argued", "argues", "noted", "announced", "admitted", "acknowledged", "suggested", "suggests", "believes", "believe",
    "stressed", "confirmed", "denied", "testified", "reported", "promised", "predicted", "maintained", "revealed",
    "thinks", "added", "explained", "urged",
];

pub const ARREST_VERBS: &[&str] = &["arrested", "detained", "held", "apprehended", "captured", "seized", "nabbed", "jailed", "charged"];

pub const FEMALE_PRONOUNS: &[&str] = &["she", "her", "hers", "herself"];
pub const MALE_PRONOUNS: &[&str] = &["he", "him", "his", "himself"];

pub fn contains(list: &[&str], word: &str) -> bool {
    list.contains(&word)
}

pub fn contains_lower(list: &[&str], word: &str) -> bool {
    list.iter().any(|w| w.eq_ignore_ascii_case(word))
}
