# LangNghe's words in English. Every message here has a twin in vi.ftl.

## The Q&A engine

ask-help =
    Hello! I am LangNghe, the electronic handbook of Hanoi's craft villages. You can ask me:
    • about a village: "where is Bat Trang?", "how do I get to Van Phuc?"
    • which villages make a craft: "where can I buy silk?", "conical hat village"
    • for touring routes: "a one-day craft village tour"
    • for villages near you: send your location
    • for OCOP products: "OCOP products of Bat Trang"
ask-unknown =
    Sorry, the handbook has no answer to that. I can tell you about Hanoi's craft villages, their crafts and products, touring routes and villages near you.
ask-which-village = Which village do you mean? Tell me its name, for example "Bat Trang" or "Van Phuc".
ask-translation-off =
    (I answer in Vietnamese and English; other languages need translation to be enabled.)
ask-recognition =
    Artisans and producers can follow their recognition applications here once their chat is linked to their record. Ask the office that keeps your file for a link code.

## Village answers

village-address = Address: { $address }
village-formerly = formerly { $former }
village-approximate = (approximate location: the commune's point)
village-unconfirmed-commune = (the new commune is not confirmed)
village-facet-missing = The handbook has no { $facet } for { $village } yet.
village-facet-name =
    { $facet ->
        [gettingThere] directions
        [history] history
        [festivals] festival information
        [hours] opening hours or market days
        [shopping] shopping information
        [see] sights
        [recognition] recognition titles
       *[other] information
    }
village-heading-gettingThere = How to get to { $village }
village-heading-history = History of { $village }
village-heading-festivals = Festivals of { $village }
village-heading-hours = Opening hours and market days in { $village }
village-heading-shopping = Shopping in { $village }
village-heading-see = What to see in { $village }
village-heading-recognition = Recognition of { $village }
village-heading-products = Products of { $village }
village-ocop-stars = OCOP { $stars }★
village-no-products = The handbook lists no products of { $village } yet.
village-distance = about { $km } km from central Hanoi

recognition-title =
    { $title ->
        [craft_village] Hanoi craft village
        [traditional_craft_village] Hanoi traditional craft village
        [heritage_craft_village] Heritage craft village
        [traditional_craft] Hanoi traditional craft
        [national_intangible_heritage] National intangible cultural heritage
        [wcc_craft_city] World Crafts Council craft city network
        [tourist_site] Tourist site
        [ip_collective_mark] Collective trademark
        [ip_certification_mark] Certification mark
        [ip_geographical_indication] Geographical indication
        [vietnam_record] Vietnam Record
       *[other] Other
    }
recognition-unconfirmed = (unconfirmed)

## Lists

villages-for-craft = Villages for { $craft }:
villages-namesake = More than one village has that name. Which one do you mean?
villages-item = • { $village } — { $place }
products-heading = Products:
products-ocop-heading = OCOP-rated products:
products-for-craft = { $craft } products:
products-item = • { $product } ({ $village })
products-item-ocop = • { $product } ({ $village }), OCOP { $stars }★
products-item-short = • { $product }
products-item-short-ocop = • { $product }, OCOP { $stars }★
routes-heading = Touring routes:
routes-through = Touring routes through { $village }:
routes-item = • { $route } — { $days ->
        [one] 1 day
       *[other] { $days } days
    }: { $stops }
nearby-heading = Craft villages near you:
nearby-heading-village = Craft villages near { $village }:
nearby-item = • { $village }: { $km } km{ $approximate ->
        [yes] {" "}(approx.)
       *[no] {""}
    }
nearby-none = The handbook has no village with a known location near there.
nearby-need-location = Send me your location (or name a village) and I will list the craft villages nearby.
