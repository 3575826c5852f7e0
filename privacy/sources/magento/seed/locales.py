"""Hand-written word lists for realistic shop data in five locales (no Faker: small, fast, stable).

Every contact detail is fictional by construction: e-mail domains end in the reserved `.example`
TLD, telephone numbers use the ranges regulators keep for drama (UK 07700 900xxx, US 555-01xx)
or obviously invented digits, and IP addresses come from the documentation ranges.
"""

from dataclasses import dataclass


@dataclass(frozen=True)
class City:
    name: str
    postcode: str  # a template: each '#' becomes a digit
    region: str | None
    region_id: int | None  # Magento's directory_country_region id, where Magento ships one


@dataclass(frozen=True)
class Locale:
    code: str
    country_id: str
    currency: str
    tax_percent: int
    female: tuple[str, ...]
    male: tuple[str, ...]
    surnames: tuple[str, ...]
    streets: tuple[str, ...]
    street_format: str  # {number} and {street}
    cities: tuple[City, ...]
    phone: str  # a template: each '#' becomes a digit
    domains: tuple[str, ...]
    prefixes: tuple[str, str] | None  # (female, male) salutation
    romaji: dict[str, str] | None = None  # ASCII spelling of names written in another script


def _words(text: str) -> tuple[str, ...]:
    return tuple(word.strip() for word in text.split(",") if word.strip())


def _cities(*rows: tuple) -> tuple[City, ...]:
    return tuple(City(*row) for row in rows)


JA_NAMES = {
    "陽菜": "hina", "結衣": "yui", "さくら": "sakura", "美咲": "misaki", "葵": "aoi", "凛": "rin",
    "花子": "hanako", "真由美": "mayumi", "由美子": "yumiko", "恵子": "keiko", "翔太": "shota", "蓮": "ren",
    "大翔": "hiroto", "悠真": "yuma", "健太": "kenta", "拓也": "takuya", "太郎": "taro", "浩": "hiroshi",
    "誠": "makoto", "直樹": "naoki", "佐藤": "sato", "鈴木": "suzuki", "高橋": "takahashi", "田中": "tanaka",
    "伊藤": "ito", "渡辺": "watanabe", "山本": "yamamoto", "中村": "nakamura", "小林": "kobayashi",
    "加藤": "kato", "吉田": "yoshida", "山田": "yamada", "佐々木": "sasaki", "山口": "yamaguchi",
    "松本": "matsumoto", "井上": "inoue", "木村": "kimura", "林": "hayashi", "清水": "shimizu",
}  # fmt: skip

LOCALES = {
    "de_DE": Locale(
        "de_DE", "DE", "EUR", 19,
        _words("Anna, Lena, Julia, Laura, Sarah, Lisa, Katharina, Sabine, Petra, Monika, Ursula, Claudia, Marie, Sophie, Hannah, Johanna, Birgit, Renate"),
        _words("Lukas, Jonas, Felix, Maximilian, Paul, Thomas, Michael, Andreas, Stefan, Jürgen, Klaus, Wolfgang, Frank, Markus, Tobias, Florian, Matthias, Uwe"),
        _words("Müller, Schmidt, Schneider, Fischer, Weber, Meyer, Wagner, Becker, Schulz, Hoffmann, Schäfer, Koch, Bauer, Richter, Klein, Wolf, Schröder, Neumann, Schwarz, Zimmermann, Braun, Krüger, Hofmann, Hartmann, Lange, Schmitt, Werner, Krause, Meier, Lehmann, Köhler, Maier"),
        _words("Hauptstraße, Schulstraße, Gartenstraße, Bahnhofstraße, Dorfstraße, Bergstraße, Lindenstraße, Kirchstraße, Waldstraße, Ringstraße, Rosenweg, Am Markt, Mühlenweg, Goethestraße, Schillerstraße, Friedrichstraße"),
        "{street} {number}",
        _cities(
            ("Berlin", "10###", "Berlin", 82), ("Hamburg", "22###", "Hamburg", 85), ("München", "80###", "Bayern", 81),
            ("Köln", "50###", "Nordrhein-Westfalen", 88), ("Frankfurt am Main", "60###", "Hessen", 86),
            ("Stuttgart", "70###", "Baden-Württemberg", 80), ("Düsseldorf", "40###", "Nordrhein-Westfalen", 88),
            ("Leipzig", "04###", "Sachsen", 91), ("Dresden", "01###", "Sachsen", 91), ("Hannover", "30###", "Niedersachsen", 79),
            ("Nürnberg", "90###", "Bayern", 81), ("Bremen", "28###", "Bremen", 84), ("Freiburg im Breisgau", "79###", "Baden-Württemberg", 80),
        ),
        "+49 ### #######", _words("webmail.example, postfach.example, mailbox-de.example, netzpost.example"), ("Frau", "Herr"),
    ),
    "fr_FR": Locale(
        "fr_FR", "FR", "EUR", 20,
        _words("Marie, Camille, Léa, Manon, Chloé, Inès, Sophie, Nathalie, Isabelle, Sylvie, Catherine, Julie, Émilie, Céline, Aurélie, Élodie"),
        _words("Jean, Pierre, Michel, Philippe, Nicolas, Thomas, Julien, Antoine, Hugo, Lucas, Louis, François, Laurent, Sébastien, Mathieu, Théo"),
        _words("Martin, Bernard, Dubois, Thomas, Robert, Richard, Petit, Durand, Leroy, Moreau, Simon, Laurent, Lefebvre, Michel, Garcia, David, Bertrand, Roux, Vincent, Fournier, Morel, Girard, André, Lefèvre, Mercier, Dupont, Lambert, Bonnet, François, Martinez"),
        _words("rue de la République, rue Victor Hugo, avenue Jean Jaurès, rue Pasteur, boulevard Voltaire, rue de la Paix, avenue des Champs, rue du Moulin, place de l'Église, rue Gambetta, chemin des Vignes, allée des Tilleuls"),
        "{number} {street}",
        _cities(
            ("Paris", "750##", "Paris", None), ("Lyon", "6900#", "Rhône", None), ("Marseille", "130##", "Bouches-du-Rhône", None),
            ("Toulouse", "310##", "Haute-Garonne", None), ("Nice", "060##", "Alpes-Maritimes", None), ("Nantes", "440##", "Loire-Atlantique", None),
            ("Strasbourg", "670##", "Bas-Rhin", None), ("Bordeaux", "330##", "Gironde", None), ("Lille", "590##", "Nord", None),
            ("Rennes", "350##", "Ille-et-Vilaine", None), ("Montpellier", "340##", "Hérault", None),
        ),
        "+33 # ## ## ## ##", _words("courriel.example, boite-mail.example, messagerie.example"), ("Mme", "M."),
    ),
    "en_GB": Locale(
        "en_GB", "GB", "GBP", 20,
        _words("Olivia, Amelia, Isla, Ava, Emily, Sophie, Grace, Lily, Charlotte, Poppy, Jessica, Emma, Rebecca, Hannah, Lucy, Eleanor"),
        _words("Oliver, George, Harry, Jack, Jacob, Noah, Charlie, Thomas, William, James, Oscar, Alfie, Henry, Edward, Daniel, Samuel"),
        _words("Smith, Jones, Williams, Taylor, Brown, Davies, Evans, Wilson, Thomas, Johnson, Roberts, Robinson, Thompson, Wright, Walker, White, Edwards, Hughes, Green, Hall, Lewis, Harris, Clarke, Patel, Jackson, Wood, Turner, Martin, Cooper, Hill"),
        _words("High Street, Station Road, Church Lane, Victoria Road, Green Lane, Manor Road, Park Road, Kings Road, Queens Road, Mill Lane, The Crescent, Windsor Close"),
        "{number} {street}",
        _cities(
            ("London", "SW# #AA", None, None), ("Manchester", "M## #AB", None, None), ("Birmingham", "B## #CD", None, None),
            ("Leeds", "LS# #EF", None, None), ("Bristol", "BS# #GH", None, None), ("Edinburgh", "EH# #JK", None, None),
            ("Glasgow", "G## #LN", None, None), ("Cardiff", "CF## #PQ", None, None), ("Oxford", "OX# #RS", None, None),
            ("York", "YO## #TU", None, None), ("Brighton", "BN# #WX", None, None),
        ),
        "+44 7700 900###", _words("mailhub.example, postbox-uk.example, inbox.example"), ("Ms", "Mr"),
    ),
    "en_US": Locale(
        "en_US", "US", "USD", 0,
        _words("Emma, Olivia, Ava, Sophia, Isabella, Mia, Abigail, Emily, Madison, Elizabeth, Jennifer, Linda, Patricia, Susan, Karen, Nancy"),
        _words("Liam, Noah, William, James, Benjamin, Mason, Ethan, Michael, Alexander, Daniel, Matthew, David, Joseph, Robert, John, Christopher"),
        _words("Smith, Johnson, Williams, Brown, Jones, Garcia, Miller, Davis, Rodriguez, Martinez, Hernandez, Lopez, Gonzalez, Wilson, Anderson, Thomas, Taylor, Moore, Jackson, Martin, Lee, Perez, Thompson, White, Harris, Sanchez, Clark, Ramirez, Lewis, Robinson"),
        _words("Main Street, Oak Avenue, Maple Drive, Cedar Lane, Pine Street, Elm Street, Washington Avenue, Lake Road, Hillcrest Drive, Sunset Boulevard, Park Avenue, 2nd Street"),
        "{number} {street}",
        _cities(
            ("New York", "100##", "New York", 43), ("Los Angeles", "900##", "California", 12), ("Chicago", "606##", "Illinois", 23),
            ("Houston", "770##", "Texas", 57), ("Seattle", "981##", "Washington", 62), ("Boston", "021##", "Massachusetts", 32),
            ("Miami", "331##", "Florida", 18), ("Philadelphia", "191##", "Pennsylvania", 51), ("San Francisco", "941##", "California", 12),
            ("Austin", "787##", "Texas", 57), ("Portland", "972##", "Oregon", 49),
        ),
        "+1 ###-555-01##", _words("mailbox.example, inbox-us.example, postoffice.example"), ("Ms.", "Mr."),
    ),
    "ja_JP": Locale(
        "ja_JP", "JP", "JPY", 10,
        _words("陽菜, 結衣, さくら, 美咲, 葵, 凛, 花子, 真由美, 由美子, 恵子"),
        _words("翔太, 蓮, 大翔, 悠真, 健太, 拓也, 太郎, 浩, 誠, 直樹"),
        _words("佐藤, 鈴木, 高橋, 田中, 伊藤, 渡辺, 山本, 中村, 小林, 加藤, 吉田, 山田, 佐々木, 山口, 松本, 井上, 木村, 林, 清水"),
        _words("神宮前, 西新宿, 本町, 栄, 中央, 梅田, 天神, 大通西, 元町, 北浜"),
        "{street}{number}",
        _cities(
            ("渋谷区", "150-00##", "東京都", None), ("新宿区", "160-00##", "東京都", None), ("大阪市北区", "530-00##", "大阪府", None),
            ("名古屋市中区", "460-00##", "愛知県", None), ("横浜市中区", "231-00##", "神奈川県", None), ("福岡市中央区", "810-00##", "福岡県", None),
            ("札幌市中央区", "060-00##", "北海道", None), ("京都市中京区", "604-00##", "京都府", None), ("神戸市中央区", "650-00##", "兵庫県", None),
        ),
        "+81 3-####-####", _words("yubin.example, mailjp.example"), None, JA_NAMES,
    ),
}  # fmt: skip

TRANSLITERATION = str.maketrans({"ä": "ae", "ö": "oe", "ü": "ue", "ß": "ss", "é": "e", "è": "e", "ê": "e", "ë": "e",
                                 "à": "a", "â": "a", "î": "i", "ï": "i", "ô": "o", "ù": "u", "û": "u", "ç": "c",
                                 "É": "e", "'": "", " ": ""})  # fmt: skip


def ascii_name(locale: Locale, name: str) -> str:
    """Return the lower-case ASCII spelling of a name, as people put it in their e-mail address."""
    if locale.romaji:
        return locale.romaji[name]
    return name.lower().translate(TRANSLITERATION)
