# LangNghe's words in English. Every message here has a twin in vi.ftl.

## The Q&A engine

ask-help =
    Hello! I am LangNghe, the electronic handbook of Hanoi's craft villages. You can ask me:
    • about a village: "where is Bat Trang?", "how do I get to Van Phuc?"
    • which villages make a craft: "where can I buy silk?", "conical hat village"
    • for touring routes: "a one-day craft village tour"
    • for villages near you: send your location
    • for OCOP products: "OCOP products of Bat Trang"
    • on Zalo, for each new vlog: write "subscribe"
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
village-formerly-in = formerly in { $former }
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
village-heading-ocop-products = OCOP products of { $village }
village-ocop-stars = OCOP { $stars }★
village-no-products = The handbook lists no products of { $village } yet.
village-no-ocop-products = The handbook lists no OCOP-rated products of { $village } yet.
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
products-ocop-for-craft = { $craft } products rated OCOP:
products-no-ocop-for-craft = The handbook lists no OCOP-rated { $craft } products yet.
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
# After a list cut short: how many entries it leaves out.
list-more = … and { $count } more
nearby-heading = Craft villages near you:
nearby-heading-village = Craft villages near { $village }:
nearby-item = • { $village }: { $km } km{ $approximate ->
        [yes] {" "}(approx.)
       *[no] {""}
    }
nearby-none = The handbook has no village with a known location near there.
nearby-need-location = Send me your location (or name a village) and I will list the craft villages nearby.

## Chat: menus, cards and lists (Telegram and Zalo)

chat-greeting = Hello { $name }! I am LangNghe, your guide to Hanoi's craft villages: { $villages } villages, their crafts and products, and { $routes } touring routes. Choose below, or just ask me a question.
chat-greeting-anonymous = Hello! I am LangNghe, your guide to Hanoi's craft villages: { $villages } villages, their crafts and products, and { $routes } touring routes. Choose below, or just ask me a question.
chat-choose-language = Chọn ngôn ngữ / Choose your language:
chat-language-set = From now on I will answer in English.
chat-menu = What would you like to see?
menu-villages = 🏘 Villages
menu-routes = 🗺 Routes
menu-products = 🏺 Products
menu-nearby = 📍 Near me
menu-status = 📋 Recognition status
menu-help = ❓ Help
menu-back = ◀ Back
menu-main = ☰ Menu
menu-more = More ▸
lang-vi = 🇻🇳 Tiếng Việt
lang-en = 🇬🇧 English
chat-crafts-heading = Villages by craft. Choose a craft:
chat-all-villages = All villages
chat-villages-heading = { $craft } villages:
chat-villages-all-heading = All craft villages in the handbook:
chat-routes-heading = Touring routes:
chat-products-heading = OCOP-rated products:
chat-page = { $page }/{ $pages }
chat-share-location = 📍 Share my location
chat-nearby-ask = Tap the button below to share your location, and I will list the craft villages nearest to you.
chat-stale = This button is out of date. Here is the menu again.
chat-apology = Sorry, something went wrong on my side. Please try again in a moment.
chat-group-hint = In groups I answer commands and messages addressed to me.
card-crafts = Crafts: { $crafts }
card-address = Address: { $address }
card-story = { $story }
card-recognition = Recognition:
card-see = To see: { $see }
card-directions = 🧭 Directions
card-products = 🏺 Products
card-nearby = 📍 Nearby villages
card-routes = 🗺 Routes through here
card-map = 🗺 Open the map
card-no-location = The handbook has no map point for { $village } yet. { $address }
card-stops = Stops:
card-day-plan = Day plan: { $plan }
card-travel = Getting around: { $travel }
card-days = { $days ->
        [one] 1 day
       *[other] { $days } days
    }
card-no-routes = No route in the handbook goes through { $village } yet.
inline-village = { $crafts } · { $place }
inline-route = { $days } · { $stops }
commands-start = Start and main menu
commands-help = What I can do
commands-language = Change language
commands-villages = Villages by craft
commands-routes = Touring routes
commands-nearby = Craft villages near you
bot-description = LangNghe, the electronic handbook of Hanoi's craft villages: villages, crafts, OCOP products, touring routes and villages near you, in Vietnamese and English.
bot-short-description = Hanoi's craft villages: ask about villages, crafts, products and routes.

## Zalo

zalo-share-location = On Zalo, send your location with the ➕ button → Location, and I will list the nearest villages.
zalo-image-received = Thank you for the picture! I can only read text for now: tell me which village or craft you are looking for.
zalo-numbered-menu = Reply with a number:
zalo-follow = Thank you for following LangNghe!

## Artisans: recognition status

artisan-how-to-link =
    To see your applications, link this chat to your record: send /link followed by the code the office gave you (for example /link ABCD-EFGH){ $contact ->
        [yes] , or share your phone number with the button below.
       *[no] .
    }
artisan-share-phone = 📱 Share my phone number
artisan-linked = This chat is now linked to the record of { $name }. Ask "my recognition status" any time.
artisan-link-refused = That did not work. Check the code, or ask the office for a new one.
artisan-link-locked = Too many wrong tries. Please wait an hour, or ask the office for help.
artisan-contact-not-own = Please share your own phone number with the button, not someone else's contact.
artisan-unlinked = This chat is no longer linked to any record.
artisan-not-linked = This chat is not linked to any record.
artisan-no-applications = Your record has no applications yet.
artisan-status-heading = Your applications:
artisan-application = 📋 { $subject } ({ $kind })
    Stage: { $stage }, since { $since }
artisan-next = Next: { $next }
artisan-missing = Missing: { $missing }
artisan-office = Office: { $office }
artisan-reference = Reference: { $reference }
notify-stage-change = 📋 News about { $subject }: it is now at "{ $stage }".{ $note ->
        [none] {""}
       *[other] {" "}Note: { $note }
    }
kind-name =
    { $kind ->
        [craft_village] craft village
        [traditional_craft_village] traditional craft village
        [heritage_craft_village] heritage craft village
        [artisan_title] artisan title
        [ocop] OCOP rating
       *[ip] intellectual property
    }

## Clips

clip-rejected =
    { $code ->
        [unreadable] The file is not a readable video.
        [no_video] The file has no video picture.
        [no_duration] The video has no length.
        [too_short] The video lasts { $seconds } s; clips need at least { $min } s.
        [too_long] The video lasts { $seconds } s; clips may last at most { $max } s.
        [too_small] The picture is { $width }×{ $height }; clips need at least { $min } pixels on the short side.
        [bad_dimensions] The picture size { $width }×{ $height } is not one a video can have (too large, or too narrow).
        [dolby_vision_5] The video is Dolby Vision profile { $profile }, which cannot be converted. Export it (or film) in HDR10, HLG or SDR instead.
       *[damaged] The video is damaged or incomplete: ffmpeg could not read it through.
    }
clip-failure =
    { $code ->
        [ffmpeg_missing] The server cannot find the ffmpeg program to process videos: ffmpeg must be installed (or FFMPEG_PATH set).
        [source_missing] The clip's source file cannot be found on the server (in MEDIA_DIR). Upload the clip again.
        [disk_full] The server's disk is full: free some space, then press "Retry".
        [timeout] Processing took too long and was stopped. Press "Retry"; if it happens again, tell the technical team.
        [ffmpeg_failed] ffmpeg could not convert this video. Press "Retry"; if it happens again, tell the technical team, with the details below.
       *[other] The server failed while processing this clip. Press "Retry"; if it happens again, tell the technical team, with the details below.
    }
clip-ready = 🎬 "{ $title }" is ready ({ $renditions }).
clip-rejected-notice = 🎬 "{ $title }" was not accepted: { $reason }
clip-failed-notice = 🎬 "{ $title }" could not be processed; staff can retry it from the console.
clip-received = 🎬 Received "{ $title }": processing it now. I will tell you when it is ready.
clip-duplicate = 🎬 This file was uploaded before, as "{ $title }".
clip-too-big-for-telegram = 🎬 Telegram lets bots download files up to 20 MB only. Upload this one in the console instead (the link works once, for 24 hours): { $link }
staff-linked = This chat is linked to the staff account of { $name }: send videos here to upload them as clips.
staff-link-refused = That token is not a staff token.

## Publishing (staff notices, vlog subscriptions, public pages)

publication-late = ⏰ "{ $title }" was due on { $target }, but the clip is still { $state }. It will go out as soon as the clip is ready.
publication-failed = ❌ "{ $title }" could not be published on { $target }: { $reason }
publication-unknown = ❓ "{ $title }" may or may not have reached { $target }: the worker stopped while sending. Check the channel, then press "resend" in the console if it is missing.
vlog-subscribed = 🎬 Done: I will send you each new craft-village vlog here. Write "unsubscribe" to stop.
vlog-already-subscribed = 🎬 You already get new vlogs here. Write "unsubscribe" to stop.
vlog-unsubscribed = You will not get new vlogs any more. Write "subscribe" to start again.
vlog-not-subscribed = You were not getting vlogs. Write "subscribe" to get each new one.
vlog-watch = Watch the vlog
vlogs-title = Hanoi craft village vlogs
vlogs-intro = Short films from Hanoi's craft villages: the people, their crafts and their villages.
vlogs-empty = No vlog has been published yet.
vlogs-feed = RSS feed
vlogs-all = All vlogs
vlog-published = Published { $date }
vlog-quality = Quality
vlog-no-video = This browser cannot play the video; download it instead:
village-page-crafts = Crafts
village-page-address = Address
village-page-recognition = Recognition
village-page-products = Products
village-page-map = Open in a map
village-page-sources = Sources
village-page-vlogs = Vlogs from this village
page-other-language = Tiếng Việt

## Staff console (/console)
console-sign-in = Sign in
console-sign-out = Sign out
console-email = Email
console-password = Password
console-name = Name
console-role = Role
console-role-editor = Editor
console-role-admin = Admin
console-login-wrong = Wrong email or password.
console-too-many = Too many failed sign-ins. Please try again in a few minutes.
console-csrf = This form is out of date or did not come from the console. Reload the page and try again.
console-forbidden = This page is for admins only.
console-not-found = There is no such page.
console-internal = Something went wrong on our side. Please try again later.
console-unavailable = The database or the queue is briefly away. Please try again in a few seconds.
console-back = Back to the console
console-password-title = Choose a password
console-password-new = New password (at least 10 characters)
console-password-confirm = The same password again
console-password-save = Save the password
console-password-set = Password saved. Please sign in.
console-password-weak = A password needs 10 to 200 characters.
console-password-mismatch = The two passwords differ.
console-password-link-invalid = This password link was used or has expired. Ask an admin for a new one.
console-clips = Clips
console-calendar = Calendar
console-handbook = Handbook
console-artisans = Artisans
console-staff = Staff
console-queues = Queues
console-upload = Upload clips
console-drop-here = Drop videos here, or click to choose files
console-village = Village
console-village-search = Type to find a village…
console-tags = Tags (comma-separated)
console-description = Description
console-title = Title
console-remove = Remove
console-upload-start = Upload
console-upload-waiting = waiting to upload
console-upload-uploading = Uploading
console-upload-resumed = resumed at { $percent } %
console-upload-done = Uploaded; waiting to be processed.
console-upload-duplicate = This file was uploaded before.
console-upload-failed = Could not upload
console-upload-retrying = Connection lost, trying again…
console-upload-too-big = too big to upload
console-state = State
console-state-queued = Queued
console-state-processing = Processing
console-state-ready = Ready
console-state-rejected = Rejected
console-state-failed = Failed
console-queue-position = number { $position } in the queue
console-clip-failed = The server failed while processing this clip. Press "Retry"; if it fails again, tell the technical team.
console-retry = Retry
console-clip-retried = The clip is back in the queue.
console-no-clips = No clips yet.
console-details = Details
console-clip-edit = Edit title, village, description and tags
console-clip-saved = The clip was saved.
console-clip-delete = Delete this clip
console-clip-deleted = The clip was deleted.
console-clip-delete-warning = The clip, its files and its publications not yet sent will be deleted. This cannot be undone.
console-clip-delete-published = This clip has been published ({ $count } publication(s)). Deleting it takes down its vlog page and its feed entry; posts already sent to Telegram or Zalo stay there.
console-clip-delete-confirm = I understand: delete the published clip.
console-thumbnails = Thumbnails
console-publications = This clip's publications
console-none = None yet.
console-schedule-it = Schedule this clip
console-scheduled = Scheduled: { $target }, { $time } (Hanoi time).
console-publication-scheduled = Scheduled
console-publication-publishing = Publishing
console-publication-published = Published
console-publication-failed = Failed
console-publication-cancelled = Cancelled
console-publication-unknown = Unknown
console-late = Late
console-publish-now = Publish now
console-cancel = Cancel
console-reschedule = Reschedule
console-save = Save
console-resend = Resend
console-rescheduled = Rescheduled.
console-done-cancel = Publication cancelled.
console-done-publish-now = Publishing now.
console-done-resend = Queued to be sent again.
console-unknown-title = Posts with an unknown outcome
console-unknown-help = The server stopped while sending, so it does not know whether the post reached the channel. Look at the channel: if the post is not there, press "Resend".
console-schedule = Schedule a clip
console-clip = Clip
console-pick-clip = Choose a clip
console-target = Where
console-target-telegram = Telegram channel
console-target-zalo = Zalo followers
console-target-web = Web (vlog pages and RSS)
console-target-off = not configured
console-time = Time (Hanoi)
console-schedule-at = Publish at this time
console-schedule-next = Next free slot
console-week-previous = Previous week
console-week-next = Next week
console-other-times = Other times
console-slot-free = Free slot: schedule here
console-weekday-0 = Sun
console-weekday-1 = Mon
console-weekday-2 = Tue
console-weekday-3 = Wed
console-weekday-4 = Thu
console-weekday-5 = Fri
console-weekday-6 = Sat
console-waiting-zalo = Zalo notifications waiting
console-notification-held = waiting for the user to write again
console-notification-pending = being sent
console-linked-chats = { $count } linked chats
console-issue-link-code = Issue a link code
console-kind-craft_village = Craft village
console-kind-traditional_craft_village = Traditional craft village
console-kind-heritage_craft_village = Heritage craft village
console-kind-artisan_title = Artisan title
console-kind-ocop = OCOP
console-kind-ip = Intellectual property
console-since = since { $date }
console-new-stage = New stage
console-note = Note
console-record-stage = Record
console-stage-recorded = Recorded; the artisan will be told.
console-link-code = Link code
console-link-code-how = Send this to LangNghe on Telegram or Zalo: /link { $code }
console-link-code-expires = Good once, until { $date } (Hanoi time).
console-print = Print
console-content-check = Content check
console-content-ok = The content is valid: { $villages } villages, { $products } products, { $routes } routes.
console-content-problems = { $count } problems in the content files:
console-kpis = The plan's indicators beside their 2030 targets
console-kpis-legend = Bar: the value now (green when met); line: the target.
console-data-date = data of { $date }
console-villages = Villages
console-routes = Routes
console-products = Products
console-crafts = Crafts
console-recognition = Recognition
console-filter = Filter…
console-map = Map
console-staff-add = Add a staff member
console-staff-created = The account is made. These two are shown only now:
console-staff-token = API token:
console-staff-link = Link to choose a password (72 h):
console-bad-email = Not a valid email address.

## Console: the handbook page
console-handbook-recognition-craft_village = Craft village
console-handbook-recognition-traditional_craft_village = Traditional craft village
console-handbook-recognition-heritage_craft_village = Heritage craft village
console-handbook-recognition-traditional_craft = Traditional craft
console-handbook-recognition-national_intangible_heritage = National intangible cultural heritage
console-handbook-recognition-wcc_craft_city = World Craft City (WCC)
console-handbook-recognition-tourist_site = Tourist site
console-handbook-recognition-ip_collective_mark = Collective trademark
console-handbook-recognition-ip_certification_mark = Certification mark
console-handbook-recognition-ip_geographical_indication = Geographical indication
console-handbook-recognition-vietnam_record = Vietnam Record
console-handbook-recognition-other = Other
console-handbook-unconfirmed = unconfirmed
console-handbook-none = None
console-handbook-at-risk = At risk of fading
console-handbook-location = Location
console-handbook-precision-village = At the village
console-handbook-precision-commune = The commune's point (approximate)
console-handbook-precision-merged-commune = Point of the commune it merged into (approximate)
console-handbook-precision-new-commune = Point of the new commune since 1 July 2025 (approximate)
console-handbook-precision-none = No location yet
console-handbook-village-products =
    { $count ->
        [one] 1 product
       *[other] { $count } products
    }
console-handbook-village-products-ocop =
    { $count ->
        [one] 1 product
       *[other] { $count } products
    }, { $ocop } OCOP-rated
console-handbook-craft = Craft
console-handbook-ocop-stars =
    { $stars ->
        [one] 1 star
       *[other] { $stars } stars
    }
console-handbook-ocop-no-stars = OCOP-rated, stars not given
console-handbook-ocop-level-district = district level
console-handbook-ocop-level-city = city level
console-handbook-ocop-level-national = national level
console-handbook-route-days =
    { $days ->
        [one] 1 day
       *[other] { $days } days
    }
console-handbook-route-origin-city = the city's route
console-handbook-route-origin-operator = a tour operator's example
console-handbook-route-origin-langnghe = suggested by LangNghe
console-handbook-filter-villages = Filter villages
console-handbook-filter-products = Filter products
console-handbook-filter-apply = Filter
console-handbook-filter-clear = Clear the filter
console-handbook-filter-help = The filter searches every page; accents are optional
console-handbook-matching = { $count } of { $all } rows match “{ $query }”
console-handbook-rows = Showing rows { $from }–{ $to } of { $total }
console-handbook-no-match = No row matches “{ $query }”.
console-handbook-page = Page { $page } of { $pages }
console-handbook-previous = ← Previous page
console-handbook-next = Next page →
console-handbook-sections = Sections of this page

## The map (/map, the map on the pages, map.js)

map-title = Map of the craft villages
map-description = Every craft village in the handbook and the routes between them on one map: a pin where the village itself is placed, a circle where only its commune is known.
map-intro = { $villages } villages and { $routes } routes. Pick a point for its name and page.
map-label = Map of Hanoi's craft villages
map-route-label = Map of the route: { $name }
map-fallback = The map needs JavaScript.
map-fallback-list = See the list of villages
map-error = The map could not be loaded. Try again in a moment.
map-empty = This place has no point on the map yet.
map-approximate = Location approximate: commune
map-village-link = The village's page
map-route-link = The route's page
map-zoom-in = Zoom in
map-zoom-out = Zoom out
map-close = Close
map-legend = What the map shows
map-legend-pin = A pin: the village itself.
map-legend-circle = A circle: only the village's commune is known; the village is somewhere around it.
map-legend-line = A line: a route, through its stops in order.
map-routes = Routes
map-route-stops =
    { $count ->
        [one] { $count } stop on the map
       *[other] { $count } stops on the map
    }
map-showing-route = On the map: { $name }.
map-all = All villages and routes

## Public web pages (/, /villages, /routes, /products)

# Site, home, villages and 404 (layout, /, /villages, /villages/:id)
web-skip-to-content = Skip to the content
web-nav-label = Site
web-nav-home = Home
web-nav-villages = Villages
web-nav-routes = Routes
web-nav-products = Products
web-nav-vlogs = Vlogs
web-nav-map = Map
web-footer-about = LangNghe: the electronic handbook of Hanoi's craft villages.
web-footer-geojson = Map data (GeoJSON)
web-home-title = Hanoi's craft villages
web-home-description = The electronic handbook of Hanoi's craft villages: { $villages } villages, their crafts and products, and { $routes } touring routes.
web-home-intro = { $villages } craft villages, { $crafts } crafts, { $products } products and { $routes } touring routes, in our own words from sourced facts.
web-search-label = Search the villages
web-search-placeholder = e.g. Bát Tràng, silk, Gia Lâm
web-search-button = Search
web-home-crafts = Crafts
web-home-craft-villages =
    { $count ->
        [one] 1 village
       *[other] { $count } villages
    }
web-home-map = Map of the villages
web-home-map-label = Map of every craft village in the handbook
web-home-routes = Touring routes
web-home-all-routes = All routes
web-home-products = Featured OCOP products
web-home-all-products = All products
web-home-vlogs = Latest vlogs
web-villages-title = Craft villages
web-villages-description = Every craft village in the handbook of Hanoi's craft villages, by craft, district, recognition and OCOP products.
web-villages-filters = Filter the villages
web-villages-more-filters = Craft, district, recognition, OCOP
web-villages-filter-q = Name, craft or place (accents optional)
web-villages-filter-craft = Craft
web-villages-filter-district = District (before July 2025)
web-villages-filter-title = Recognition
web-villages-filter-ocop = Only villages with OCOP-rated products
web-villages-filter-any = Any
web-villages-filter-apply = Show the villages
web-villages-filter-clear = Clear the filters
web-villages-count = { $shown } of { $total } villages
web-villages-empty = No village matches these filters.
web-villages-empty-hint = Try other words, or clear the filters to see every village.
web-village-ocop-count =
    { $count ->
        [one] 1 OCOP product
       *[other] { $count } OCOP products
    }
web-village-at-risk = At risk of fading
web-village-all = All villages
web-village-crafts = Crafts
web-village-address = Address
web-village-commune = Commune or ward (since July 2025)
web-village-former = Before July 2025
web-village-unconfirmed = unconfirmed
web-village-or = or
web-village-commune-unknown = not confirmed yet
web-village-approximate = Location approximate: commune
web-village-story = History
web-village-visit = Visiting
web-village-see = What to see
web-village-festivals = Festivals
web-village-hours = Opening hours and market days
web-village-shopping = Shopping
web-village-getting-there = Getting there
web-village-distance = About { $km } km from central Hanoi.
web-village-directions = Directions (Google Maps)
web-village-titles = Recognition
web-village-products = Products
web-village-product-signature = signature product
web-village-nearby = Nearby villages
web-village-nearby-km = { $km } km
web-village-routes = Routes through this village
web-village-places = Places to visit and shop
web-village-latest-vlog = Latest vlog
web-village-more-vlogs = More vlogs
web-village-map-label = Map: { $village }
web-village-no-location = The handbook has no map point for this village yet.
web-not-found-title = Page not found
web-not-found-text = There is no page at this address: it may have moved, or the link may be mistyped.
web-not-found-home = Go to the home page
web-not-found-search = Or search the villages:

# Routes and products (/routes, /products)
web-route-list-title = Craft village routes
web-route-list-intro = Trips through Hanoi's craft villages: the city's routes, tour operators' examples and LangNghe's suggestions.
web-route-empty = The handbook has no routes yet.
web-route-days =
    { $days ->
        [one] 1 day
       *[other] { $days } days
    }
web-route-stop-count =
    { $count ->
        [one] 1 stop
       *[other] { $count } stops
    }
web-route-origin =
    { $origin ->
        [city] the city's route
        [operator] a tour operator's example
       *[langnghe] suggested by LangNghe
    }
web-route-map-label = Map of the route: { $name }
web-route-open-in-maps = Open the whole route in a maps app
web-route-stops = Stops
web-route-day-plan = The plan
web-route-travel = Getting there and around
web-route-location-approximate = location approximate: commune
web-route-all = All routes
web-route-description = { $theme } { $days }, { $stops }.
web-product-list-title = Craft village products
web-product-list-intro = OCOP-rated products and signature products of Hanoi's craft villages, and where to buy them.
web-product-filters = Filter the products
web-product-filter-ocop = OCOP rating
web-product-filter-any = Any
web-product-filter-stars = { $stars } stars
web-product-filter-craft = Craft
web-product-filter-village = Village
web-product-filter-apply = Filter
web-product-filter-clear = Clear the filters
web-product-filter-note = A star rating filter keeps only the ratings the handbook has confirmed.
web-product-count = { $shown } of { $total } products
web-product-empty = No product matches these filters.
web-product-page = Page { $page } of { $pages }
web-product-pages = Pages of the product list
web-product-previous = ← Previous page
web-product-next = Next page →
web-product-ocop = OCOP { $stars }★
web-product-ocop-no-stars = OCOP-rated (stars not given)
web-product-ocop-level =
    { $level ->
        [district] district level
        [city] city level
       *[national] national level
    }
web-product-unconfirmed = unconfirmed
web-product-producer = Producer
web-product-craft = Craft
web-product-village = Village
web-product-signature = A signature product of { $village }
web-product-where-to-buy = Where to buy
web-product-online = Online shop or the producer's page
web-product-village-places = Shops and showrooms in { $village }
web-product-city-places = OCOP centres and sales points in Hanoi
web-product-city-places-note = They sell OCOP products in general: ask whether they have this one.
web-product-no-shop = The handbook lists no shop for this product yet; ask in { $village }.
web-product-place-kind =
    { $kind ->
        [ocop_centre] OCOP centre
        [ocop_sales_point] OCOP sales point
        [showroom] showroom
        [market] market
        [museum] museum
       *[sight] sight
    }
web-product-all = All products
web-product-description = { $name } ({ $craft }) from { $village }, Hanoi.

## Web chat (chat.js, /api/chat)

# The chat's own words (chat.js); its replies come from the dialogue above.
chat-web-open = Ask LangNghe
chat-web-title = LangNghe: Hanoi's craft villages
chat-web-close = Close the chat
chat-web-log = Conversation with LangNghe
chat-web-input = Your question
chat-web-placeholder = Ask about a village, a craft, a route…
chat-web-send = Send
chat-web-greeting = Hello! I am LangNghe, the handbook of Hanoi's craft villages. Ask me a question, or choose below.
chat-web-thinking = LangNghe is answering…
chat-web-error = Sorry, the chat could not reach LangNghe. Please try again in a moment.
chat-web-busy = Too many messages at once. Please wait a minute and try again.
chat-web-location-denied = Without your location I cannot find the villages near you. You can also tell me a place, for example "villages near Bát Tràng".
chat-web-location-unsupported = This browser cannot share its location. Tell me a place instead, for example "villages near Bát Tràng".
# The web chat knows no one, so it shows no artisan's record.
chat-web-no-records = The web chat keeps no personal records. Artisans and producers can follow their recognition applications in LangNghe's Telegram or Zalo chat, once it is linked to their record with the code the office gave them.

## Vlogs on village cards (bot and web)

# A village's card (bot and web chat) names its latest published vlog; $link is its page.
vlog-card-latest =
    🎬 Latest vlog: { $title }
    { $link }
vlog-card-poster = Poster of the vlog “{ $title }”
# Staff who send clips to the bot choose the village in the caption, as in the console.
vlog-card-clip-village-how = To give a clip its village, write the village's name on a line of its own under the title in the video's caption (e.g. Bát Tràng).
vlog-card-clip-village = 📍 Village: { $village }

## Insights console

console-insights = Insights
console-insights-period = { $from } to { $to } ({ $days ->
    [one] 1 day
   *[other] { $days } days
})
console-insights-from = From
console-insights-to = To (included)
console-insights-show = Show
console-insights-presets = Periods
console-insights-last-days = Last { $days } days
console-insights-json = The same as JSON
console-insights-figures = The period in figures
console-insights-questions = Questions
console-insights-visitors = Distinct visitors
console-insights-answered = Answered
console-insights-unanswered = Not answered
console-insights-per-day = Questions per day, by channel and language
console-insights-legend = Channels and languages
console-insights-chart-desc = { $questions } questions over { $days } days; the busiest day was { $busiest } with { $most }.
console-insights-as-table = The same figures as a table
console-insights-day = Day
console-insights-total = Total
console-insights-none = No questions in this period.
console-insights-none-short = None in this period.
console-insights-most-asked = Most asked
console-insights-top-villages = Villages
console-insights-top-crafts = Crafts
console-insights-top-products = Products
console-insights-top-routes = Routes
console-insights-top-intents = Intents
console-insights-channel-telegram = Telegram
console-insights-channel-zalo = Zalo
console-insights-channel-web = Web chat
console-insights-channel-api = API
console-insights-intent-village = A village
console-insights-intent-villages = Villages of a craft or area
console-insights-intent-route = A route
console-insights-intent-product = Products
console-insights-intent-nearby = Near me
console-insights-intent-recognition = Recognitions
console-insights-intent-help = Help
console-insights-intent-unknown = Not understood
console-insights-intent-out-of-scope = Out of scope (answered with help)
console-insights-type-village = Village
console-insights-type-craft = Craft
console-insights-type-product = Product
console-insights-type-route = Route
console-insights-unanswered-groups = Unanswered questions: { $questions } in { $groups ->
    [one] 1 group
   *[other] { $groups } groups
} of similar wording
console-insights-teach-help = Teach the bot a question in one step: choose what it should answer (start typing a village, craft, product or route), or mark it out of scope. Every server answers the new way within 10 seconds.
console-insights-no-unanswered = Every question of this period was answered.
console-insights-asked-times = { $count ->
    [one] Asked once
   *[other] Asked { $count } times
}
console-insights-seen = first { $first }, last { $last }
console-insights-teach-text = Phrasing
console-insights-teach-target = Answer with
console-insights-teach-placeholder = a village, craft, product, route…
console-insights-teach = Teach
console-insights-out-of-scope = Out of scope: answer with help
console-insights-more-groups = { $count } more groups are in { $api }.
console-insights-learned = Learned phrasings ({ $count })
console-insights-answers = Answers
console-insights-taught-at = Taught
console-insights-undo = Undo
console-insights-undo-phrasing = Undo “{ $text }”
console-insights-no-learned = Nothing taught yet.
console-insights-taught = Taught: the bot answers this phrasing the new way within 10 seconds.
console-insights-undone = Undone: the bot answers this phrasing as before.
console-insights-teach-no-text = Write the phrasing to teach.
console-insights-teach-no-target = Choose what to answer from the list (a village, craft, product, route), or mark it out of scope.
console-insights-teach-ambiguous = Several entries have this name: choose one from the list.

## Captions (issue 19: captions out): the clip page's captions, the burned-in Telegram video
publication-waiting-captions = ⏰ "{ $title }" was due on { $target }; its captions are still being burned into the video. It will go out as soon as that is done (or choose "no burned captions" on the clip to post it without).
console-captions = Captions
console-captions-help = SRT or WebVTT, UTF-8, up to 1 MB; stored as WebVTT and offered as subtitles on the vlog page and in the feed.
console-captions-none = No captions yet.
console-captions-cues = { $count ->
    [one] 1 cue
   *[other] { $count } cues
}
console-captions-lang = Language
console-captions-file = File
console-captions-upload = Upload captions
console-captions-uploading = Uploading…
console-captions-delete = Delete
console-captions-saved = Captions saved.
console-captions-deleted = Captions deleted.
console-captions-burn = Burn captions into the Telegram video
console-captions-burn-help = Channel posts are mostly watched muted on phones: the post gets the 720p with these captions drawn into the picture. The web keeps the plain video with subtitles.
console-captions-burn-off = No burned captions
console-captions-burn-saved = Saved: the Telegram video follows this choice.
console-captions-burned = burned into the Telegram video
console-captions-burning = being burned into the Telegram video
