# Lời của LangNghe bằng tiếng Việt. Mỗi thông điệp ở đây có một bản tương ứng trong en.ftl.

## Hỏi đáp

ask-help =
    Xin chào! Tôi là LangNghe, sổ tay điện tử về làng nghề Hà Nội. Bạn có thể hỏi tôi:
    • về một làng nghề: "Bát Tràng ở đâu?", "đường đến Vạn Phúc?"
    • làng nào làm một nghề: "mua lụa ở đâu?", "làng nón lá"
    • tuyến tham quan: "tour làng nghề 1 ngày"
    • làng nghề gần bạn: gửi vị trí của bạn
    • sản phẩm OCOP: "sản phẩm OCOP của Bát Tràng"
    • trên Zalo, nhận mỗi vlog mới: gõ "đăng ký vlog"
ask-unknown =
    Xin lỗi, sổ tay chưa có câu trả lời cho câu hỏi này. Tôi có thể giới thiệu làng nghề Hà Nội, nghề và sản phẩm của làng, tuyến tham quan và các làng gần bạn.
ask-which-village = Bạn hỏi về làng nào? Hãy cho tôi biết tên làng, ví dụ "Bát Tràng" hoặc "Vạn Phúc".
ask-translation-off =
    (Tôi trả lời bằng tiếng Việt và tiếng Anh; các ngôn ngữ khác cần bật dịch tự động.)
ask-recognition =
    Nghệ nhân và cơ sở sản xuất có thể theo dõi hồ sơ công nhận của mình tại đây sau khi liên kết tài khoản chat với hồ sơ. Hãy xin mã liên kết ở cơ quan đang giữ hồ sơ của bạn.

## Trả lời về một làng

village-address = Địa chỉ: { $address }
village-formerly = trước đây: { $former }
village-formerly-in = trước đây thuộc { $former }
village-approximate = (vị trí gần đúng: điểm của xã)
village-unconfirmed-commune = (xã mới chưa được xác nhận)
village-facet-missing = Sổ tay chưa có { $facet } của { $village }.
village-facet-name =
    { $facet ->
        [gettingThere] thông tin đường đi
        [history] thông tin lịch sử
        [festivals] thông tin lễ hội
        [hours] giờ mở cửa hay ngày họp chợ
        [shopping] thông tin mua sắm
        [see] điểm tham quan
        [recognition] danh hiệu
       *[other] thông tin
    }
village-heading-gettingThere = Đường đến { $village }
village-heading-history = Lịch sử { $village }
village-heading-festivals = Lễ hội ở { $village }
village-heading-hours = Giờ mở cửa và ngày chợ ở { $village }
village-heading-shopping = Mua sắm ở { $village }
village-heading-see = Tham quan { $village }
village-heading-recognition = Danh hiệu của { $village }
village-heading-products = Sản phẩm của { $village }
village-heading-ocop-products = Sản phẩm OCOP của { $village }
village-ocop-stars = OCOP { $stars } sao
village-no-products = Sổ tay chưa có sản phẩm nào của { $village }.
village-no-ocop-products = Sổ tay chưa ghi nhận sản phẩm OCOP nào của { $village }.
village-distance = cách trung tâm Hà Nội khoảng { $km } km

recognition-title =
    { $title ->
        [craft_village] Làng nghề Hà Nội
        [traditional_craft_village] Làng nghề truyền thống Hà Nội
        [heritage_craft_village] Làng nghề di sản
        [traditional_craft] Nghề truyền thống Hà Nội
        [national_intangible_heritage] Di sản văn hóa phi vật thể quốc gia
        [wcc_craft_city] Mạng lưới thành phố thủ công sáng tạo thế giới (WCC)
        [tourist_site] Điểm du lịch
        [ip_collective_mark] Nhãn hiệu tập thể
        [ip_certification_mark] Nhãn hiệu chứng nhận
        [ip_geographical_indication] Chỉ dẫn địa lý
        [vietnam_record] Kỷ lục Việt Nam
       *[other] Khác
    }
recognition-unconfirmed = (chưa được xác nhận)

## Danh sách

villages-for-craft = Các làng { $craft }:
villages-namesake = Có hơn một làng mang tên này. Bạn hỏi làng nào?
villages-item = • { $village } — { $place }
products-heading = Sản phẩm:
products-ocop-heading = Sản phẩm đạt OCOP:
products-for-craft = Sản phẩm { $craft }:
products-ocop-for-craft = Sản phẩm { $craft } đạt OCOP:
products-no-ocop-for-craft = Sổ tay chưa ghi nhận sản phẩm { $craft } nào đạt OCOP.
products-item = • { $product } ({ $village })
products-item-ocop = • { $product } ({ $village }), OCOP { $stars } sao
products-item-short = • { $product }
products-item-short-ocop = • { $product }, OCOP { $stars } sao
routes-heading = Tuyến tham quan làng nghề:
routes-through = Tuyến tham quan qua { $village }:
routes-item = • { $route } — { $days } ngày: { $stops }
# Sau một danh sách đã cắt bớt: số mục chưa liệt kê.
list-more = … và { $count } { $kind ->
        [route] tuyến
        [village] làng
        [product] sản phẩm
       *[other] mục
    } khác
nearby-heading = Làng nghề gần bạn:
nearby-heading-village = Làng nghề gần { $village }:
nearby-item = • { $village }: { $km } km{ $approximate ->
        [yes] {" "}(gần đúng)
       *[no] {""}
    }
nearby-none = Sổ tay chưa có làng nào có vị trí gần đó.
nearby-need-location = Hãy gửi vị trí của bạn (hoặc tên một làng), tôi sẽ liệt kê các làng nghề gần đó.

## Trò chuyện: menu, thẻ và danh sách (Telegram và Zalo)

chat-greeting = Xin chào { $name }! Tôi là LangNghe, người dẫn đường đến các làng nghề Hà Nội: { $villages } làng, nghề và sản phẩm của làng, cùng { $routes } tuyến tham quan. Hãy chọn bên dưới, hoặc cứ đặt câu hỏi cho tôi.
chat-greeting-anonymous = Xin chào! Tôi là LangNghe, người dẫn đường đến các làng nghề Hà Nội: { $villages } làng, nghề và sản phẩm của làng, cùng { $routes } tuyến tham quan. Hãy chọn bên dưới, hoặc cứ đặt câu hỏi cho tôi.
chat-choose-language = Chọn ngôn ngữ / Choose your language:
chat-language-set = Từ giờ tôi sẽ trả lời bằng tiếng Việt.
chat-menu = Bạn muốn xem gì?
menu-villages = 🏘 Làng nghề
menu-routes = 🗺 Tuyến tham quan
menu-products = 🏺 Sản phẩm
menu-nearby = 📍 Gần tôi
menu-status = 📋 Hồ sơ công nhận
menu-help = ❓ Trợ giúp
menu-back = ◀ Quay lại
menu-main = ☰ Menu
menu-more = Xem thêm ▸
lang-vi = 🇻🇳 Tiếng Việt
lang-en = 🇬🇧 English
chat-crafts-heading = Làng nghề theo nghề. Hãy chọn một nghề:
chat-all-villages = Tất cả các làng
chat-villages-heading = Các làng { $craft }:
chat-villages-all-heading = Tất cả làng nghề trong sổ tay:
chat-routes-heading = Các tuyến tham quan:
chat-products-heading = Sản phẩm đạt OCOP:
chat-page = { $page }/{ $pages }
chat-share-location = 📍 Gửi vị trí của tôi
chat-nearby-ask = Hãy bấm nút bên dưới để gửi vị trí, tôi sẽ liệt kê các làng nghề gần bạn nhất.
chat-stale = Nút này đã cũ. Đây là menu mới.
chat-apology = Xin lỗi, phía tôi vừa gặp sự cố. Bạn vui lòng thử lại sau giây lát.
chat-group-hint = Trong nhóm, tôi chỉ trả lời lệnh và tin nhắn gửi cho tôi.
card-crafts = Nghề: { $crafts }
card-address = Địa chỉ: { $address }
card-story = { $story }
card-recognition = Danh hiệu:
card-see = Tham quan: { $see }
card-directions = 🧭 Chỉ đường
card-products = 🏺 Sản phẩm
card-nearby = 📍 Làng gần đây
card-routes = 🗺 Tuyến qua làng
card-map = 🗺 Mở bản đồ
card-no-location = Sổ tay chưa có điểm bản đồ của { $village }. { $address }
card-stops = Các điểm dừng:
card-day-plan = Lịch trình: { $plan }
card-travel = Đi lại: { $travel }
card-days = { $days } ngày
card-no-routes = Sổ tay chưa có tuyến nào đi qua { $village }.
inline-village = { $crafts } · { $place }
inline-route = { $days } · { $stops }
commands-start = Bắt đầu và menu chính
commands-help = Tôi làm được gì
commands-language = Đổi ngôn ngữ
commands-villages = Làng nghề theo nghề
commands-routes = Tuyến tham quan
commands-nearby = Làng nghề gần bạn
bot-description = LangNghe, sổ tay điện tử làng nghề Hà Nội: làng nghề, nghề, sản phẩm OCOP, tuyến tham quan và các làng gần bạn, bằng tiếng Việt và tiếng Anh.
bot-short-description = Làng nghề Hà Nội: hỏi về làng, nghề, sản phẩm và tuyến tham quan.

## Zalo

zalo-share-location = Trên Zalo, hãy gửi vị trí bằng nút ➕ → Vị trí, tôi sẽ liệt kê các làng nghề gần nhất.
zalo-image-received = Cảm ơn bạn đã gửi ảnh! Hiện tôi chỉ đọc được chữ: hãy cho tôi biết bạn tìm làng nghề hay nghề nào.
zalo-numbered-menu = Trả lời bằng một số:
zalo-follow = Cảm ơn bạn đã quan tâm LangNghe!

## Nghệ nhân: hồ sơ công nhận

artisan-how-to-link =
    Để xem hồ sơ của bạn, hãy liên kết cuộc trò chuyện này với hồ sơ: gửi /link kèm mã mà cơ quan đã cấp (ví dụ /link ABCD-EFGH){ $contact ->
        [yes] , hoặc chia sẻ số điện thoại của bạn bằng nút bên dưới.
       *[no] .
    }
artisan-share-phone = 📱 Chia sẻ số điện thoại của tôi
artisan-linked = Cuộc trò chuyện này đã được liên kết với hồ sơ của { $name }. Hãy hỏi "hồ sơ của tôi" bất cứ lúc nào.
artisan-link-refused = Không liên kết được. Hãy kiểm tra lại mã, hoặc xin cơ quan mã mới.
artisan-link-locked = Bạn đã nhập sai quá nhiều lần. Vui lòng đợi một giờ, hoặc liên hệ cơ quan để được giúp.
artisan-contact-not-own = Hãy chia sẻ số điện thoại của chính bạn bằng nút bấm, không phải danh bạ của người khác.
artisan-unlinked = Cuộc trò chuyện này không còn liên kết với hồ sơ nào.
artisan-not-linked = Cuộc trò chuyện này chưa liên kết với hồ sơ nào.
artisan-no-applications = Hồ sơ của bạn chưa có đơn nào.
artisan-status-heading = Các hồ sơ của bạn:
artisan-application = 📋 { $subject } ({ $kind })
    Giai đoạn: { $stage }, từ { $since }
artisan-next = Tiếp theo: { $next }
artisan-missing = Còn thiếu: { $missing }
artisan-office = Cơ quan: { $office }
artisan-reference = Số hồ sơ: { $reference }
notify-stage-change = 📋 Tin mới về { $subject }: hồ sơ đã chuyển sang "{ $stage }".{ $note ->
        [none] {""}
       *[other] {" "}Ghi chú: { $note }
    }
kind-name =
    { $kind ->
        [craft_village] làng nghề
        [traditional_craft_village] làng nghề truyền thống
        [heritage_craft_village] làng nghề di sản
        [artisan_title] danh hiệu nghệ nhân
        [ocop] xếp hạng OCOP
       *[ip] sở hữu trí tuệ
    }

## Clip

clip-rejected =
    { $code ->
        [unreadable] Tệp không phải là video đọc được.
        [no_video] Tệp không có hình video.
        [no_duration] Video không có độ dài.
        [too_short] Video dài { $seconds } giây; clip cần ít nhất { $min } giây.
        [too_long] Video dài { $seconds } giây; clip dài tối đa { $max } giây.
        [too_small] Khung hình { $width }×{ $height }; clip cần cạnh ngắn ít nhất { $min } điểm ảnh.
        [bad_dimensions] Khung hình { $width }×{ $height } không phải kích thước của một video (quá lớn hoặc quá hẹp).
        [dolby_vision_5] Video dùng Dolby Vision hồ sơ (profile) { $profile }, không chuyển đổi được. Hãy xuất lại (hoặc quay) ở HDR10, HLG hoặc SDR.
       *[damaged] Video bị hỏng hoặc không trọn vẹn: ffmpeg không đọc hết được.
    }
clip-failure =
    { $code ->
        [ffmpeg_missing] Máy chủ không tìm thấy chương trình ffmpeg để xử lý video: cần cài ffmpeg (hoặc đặt FFMPEG_PATH).
        [source_missing] Không tìm thấy tệp gốc của clip trên máy chủ (thư mục MEDIA_DIR). Hãy tải clip lên lại.
        [disk_full] Ổ đĩa của máy chủ đã đầy: cần giải phóng chỗ rồi bấm "Thử lại".
        [timeout] Xử lý quá lâu nên đã bị dừng. Bấm "Thử lại"; nếu vẫn vậy, hãy báo nhóm kỹ thuật.
        [ffmpeg_failed] ffmpeg không chuyển đổi được video này. Bấm "Thử lại"; nếu vẫn vậy, hãy báo nhóm kỹ thuật kèm chi tiết bên dưới.
       *[other] Máy chủ gặp lỗi khi xử lý clip. Bấm "Thử lại"; nếu vẫn vậy, hãy báo nhóm kỹ thuật kèm chi tiết bên dưới.
    }
clip-ready = 🎬 "{ $title }" đã sẵn sàng ({ $renditions }).
clip-rejected-notice = 🎬 "{ $title }" không được chấp nhận: { $reason }
clip-failed-notice = 🎬 "{ $title }" chưa xử lý được; nhân viên có thể thử lại trong trang quản trị.
clip-received = 🎬 Đã nhận "{ $title }": đang xử lý. Tôi sẽ báo khi xong.
clip-duplicate = 🎬 Tệp này đã được tải lên trước đây, với tên "{ $title }".
clip-too-big-for-telegram = 🎬 Telegram chỉ cho bot tải về tệp đến 20 MB. Hãy tải tệp này lên trang quản trị (đường dẫn dùng một lần, trong 24 giờ): { $link }
staff-linked = Cuộc trò chuyện này đã liên kết với tài khoản nhân viên { $name }: gửi video vào đây để tải lên thành clip.
staff-link-refused = Mã này không phải mã của nhân viên.

## Đăng bài (báo cho nhân viên, đăng ký vlog, trang công khai)

publication-late = ⏰ Đã đến giờ đăng "{ $title }" lên { $target } nhưng clip vẫn đang ở trạng thái { $state }. Bài sẽ được đăng ngay khi clip xử lý xong.
publication-failed = ❌ Không đăng được "{ $title }" lên { $target }: { $reason }
publication-unknown = ❓ Không rõ "{ $title }" đã lên { $target } hay chưa: tiến trình dừng giữa lúc gửi. Hãy kiểm tra kênh, nếu chưa có thì bấm "gửi lại" trong trang quản trị.
vlog-subscribed = 🎬 Xong: tôi sẽ gửi cho bạn mỗi vlog làng nghề mới tại đây. Gõ "hủy đăng ký" để dừng.
vlog-already-subscribed = 🎬 Bạn đã đăng ký nhận vlog mới rồi. Gõ "hủy đăng ký" để dừng.
vlog-unsubscribed = Bạn sẽ không nhận vlog mới nữa. Gõ "đăng ký vlog" để nhận lại.
vlog-not-subscribed = Bạn chưa đăng ký nhận vlog. Gõ "đăng ký vlog" để nhận mỗi vlog mới.
vlog-watch = Xem vlog
vlogs-title = Vlog làng nghề Hà Nội
vlogs-intro = Những thước phim ngắn về làng nghề Hà Nội: con người, nghề và làng quê.
vlogs-empty = Chưa có vlog nào được đăng.
vlogs-feed = Nguồn tin RSS
vlogs-all = Tất cả vlog
vlog-published = Đăng ngày { $date }
vlog-quality = Chất lượng
vlog-no-video = Trình duyệt không phát được video; hãy tải về:
village-page-crafts = Nghề
village-page-address = Địa chỉ
village-page-recognition = Danh hiệu
village-page-products = Sản phẩm
village-page-map = Mở bản đồ
village-page-sources = Nguồn
village-page-vlogs = Vlog về làng này
page-other-language = English

## Staff console (/console)
console-sign-in = Đăng nhập
console-sign-out = Đăng xuất
console-email = Email
console-password = Mật khẩu
console-name = Tên
console-role = Vai trò
console-role-editor = Biên tập viên
console-role-admin = Quản trị viên
console-login-wrong = Email hoặc mật khẩu không đúng.
console-too-many = Quá nhiều lần đăng nhập sai. Vui lòng thử lại sau ít phút.
console-csrf = Biểu mẫu đã cũ hoặc không đến từ trang quản trị. Hãy tải lại trang rồi thử lại.
console-forbidden = Trang này chỉ dành cho quản trị viên.
console-not-found = Không tìm thấy trang này.
console-internal = Có lỗi từ phía chúng tôi. Vui lòng thử lại sau.
console-unavailable = Cơ sở dữ liệu hoặc hàng đợi đang tạm ngừng. Vui lòng thử lại sau vài giây.
console-back = Về trang quản trị
console-password-title = Đặt mật khẩu
console-password-new = Mật khẩu mới (ít nhất 10 ký tự)
console-password-confirm = Nhập lại mật khẩu
console-password-save = Lưu mật khẩu
console-password-set = Đã lưu mật khẩu. Mời bạn đăng nhập.
console-password-weak = Mật khẩu cần từ 10 đến 200 ký tự.
console-password-mismatch = Hai mật khẩu không giống nhau.
console-password-link-invalid = Đường dẫn đặt mật khẩu đã dùng hoặc đã hết hạn. Hãy nhờ quản trị viên gửi đường dẫn mới.
console-clips = Video
console-calendar = Lịch đăng
console-handbook = Sổ tay
console-artisans = Nghệ nhân
console-staff = Nhân viên
console-queues = Hàng đợi
console-upload = Tải video lên
console-drop-here = Kéo thả video vào đây, hoặc bấm để chọn tệp
console-village = Làng nghề
console-village-search = Gõ để tìm làng…
console-tags = Thẻ (cách nhau bởi dấu phẩy)
console-description = Mô tả
console-title = Tiêu đề
console-remove = Bỏ
console-upload-start = Tải lên
console-upload-waiting = chờ tải lên
console-upload-uploading = Đang tải lên
console-upload-resumed = tiếp tục từ { $percent } %
console-upload-done = Đã tải lên, đang chờ xử lý.
console-upload-duplicate = Tệp này đã được tải lên trước đây.
console-upload-failed = Không tải lên được
console-upload-retrying = Mất kết nối, đang thử lại…
console-upload-too-big = quá lớn, không thể tải lên
console-state = Trạng thái
console-state-queued = Đang chờ
console-state-processing = Đang xử lý
console-state-ready = Sẵn sàng
console-state-rejected = Bị từ chối
console-state-failed = Lỗi
console-queue-position = thứ { $position } trong hàng đợi
console-clip-failed = Máy chủ gặp lỗi khi xử lý video này. Bấm "Thử lại"; nếu vẫn lỗi, hãy báo nhóm kỹ thuật.
console-retry = Thử lại
console-clip-retried = Video đã được đưa lại vào hàng đợi.
console-no-clips = Chưa có video nào.
console-details = Chi tiết
console-clip-edit = Sửa tiêu đề, làng, mô tả và thẻ
console-clip-saved = Đã lưu clip.
console-clip-delete = Xóa clip này
console-clip-deleted = Đã xóa clip.
console-clip-delete-warning = Clip, các tệp của nó và các lượt đăng chưa gửi sẽ bị xóa. Không thể hoàn tác.
console-clip-delete-published = Clip này đã được đăng ({ $count } lượt). Xóa nó sẽ gỡ trang vlog và mục RSS; các bài đã gửi lên Telegram hay Zalo vẫn ở đó.
console-clip-delete-confirm = Tôi hiểu: xóa clip đã đăng.
console-thumbnails = Ảnh thu nhỏ
console-publications = Lịch đăng của video
console-none = Chưa có.
console-schedule-it = Lên lịch đăng video này
console-scheduled = Đã lên lịch: { $target }, { $time } (giờ Hà Nội).
console-publication-scheduled = Đã lên lịch
console-publication-publishing = Đang đăng
console-publication-published = Đã đăng
console-publication-failed = Lỗi
console-publication-cancelled = Đã huỷ
console-publication-unknown = Chưa rõ
console-late = Trễ
console-publish-now = Đăng ngay
console-cancel = Huỷ
console-reschedule = Đổi giờ
console-save = Lưu
console-resend = Gửi lại
console-rescheduled = Đã đổi giờ đăng.
console-done-cancel = Đã huỷ lịch đăng.
console-done-publish-now = Đang đăng ngay.
console-done-resend = Đã xếp gửi lại.
console-unknown-title = Bài đăng chưa rõ kết quả
console-unknown-help = Máy chủ dừng giữa lúc gửi nên không biết bài đã lên kênh hay chưa. Hãy xem kênh: nếu chưa có bài, bấm "Gửi lại".
console-schedule = Lên lịch đăng
console-clip = Video
console-pick-clip = Chọn một video
console-target = Nơi đăng
console-target-telegram = Kênh Telegram
console-target-zalo = Người theo dõi Zalo
console-target-web = Web (trang vlog và RSS)
console-target-off = chưa cấu hình
console-time = Thời gian (giờ Hà Nội)
console-schedule-at = Đăng vào giờ này
console-schedule-next = Khung giờ trống tiếp theo
console-week-previous = Tuần trước
console-week-next = Tuần sau
console-other-times = Giờ khác
console-slot-free = Khung giờ trống: lên lịch vào đây
console-weekday-0 = CN
console-weekday-1 = T2
console-weekday-2 = T3
console-weekday-3 = T4
console-weekday-4 = T5
console-weekday-5 = T6
console-weekday-6 = T7
console-waiting-zalo = Thông báo Zalo đang chờ
console-notification-held = chờ người dùng nhắn lại
console-notification-pending = đang gửi
console-linked-chats = { $count } cuộc trò chuyện đã liên kết
console-issue-link-code = Cấp mã liên kết
console-kind-craft_village = Làng nghề
console-kind-traditional_craft_village = Làng nghề truyền thống
console-kind-heritage_craft_village = Làng nghề di sản
console-kind-artisan_title = Danh hiệu nghệ nhân
console-kind-ocop = OCOP
console-kind-ip = Sở hữu trí tuệ
console-since = từ { $date }
console-new-stage = Bước mới
console-note = Ghi chú
console-record-stage = Ghi nhận
console-stage-recorded = Đã ghi nhận; nghệ nhân sẽ được báo.
console-link-code = Mã liên kết
console-link-code-how = Nhắn cho LangNghe trên Telegram hoặc Zalo: /link { $code }
console-link-code-expires = Dùng được một lần, hết hạn lúc { $date } (giờ Hà Nội).
console-print = In
console-content-check = Kiểm tra nội dung
console-content-ok = Nội dung hợp lệ: { $villages } làng, { $products } sản phẩm, { $routes } tuyến.
console-content-problems = Có { $count } lỗi trong các tệp nội dung:
console-kpis = Chỉ tiêu của kế hoạch so với mục tiêu 2030
console-kpis-legend = Thanh: giá trị hiện tại (xanh khi đã đạt); vạch: mục tiêu.
console-data-date = dữ liệu ngày { $date }
console-villages = Làng nghề
console-routes = Tuyến tham quan
console-products = Sản phẩm
console-crafts = Nghề
console-recognition = Danh hiệu
console-filter = Lọc…
console-map = Bản đồ
console-staff-add = Thêm nhân viên
console-staff-created = Tài khoản đã được tạo. Hai thông tin dưới đây chỉ hiện một lần:
console-staff-token = Mã API:
console-staff-link = Đường dẫn đặt mật khẩu (72 giờ):
console-bad-email = Email không hợp lệ.

## Bảng điều khiển: trang Sổ tay
console-handbook-recognition-craft_village = Làng nghề
console-handbook-recognition-traditional_craft_village = Làng nghề truyền thống
console-handbook-recognition-heritage_craft_village = Làng nghề di sản
console-handbook-recognition-traditional_craft = Nghề truyền thống
console-handbook-recognition-national_intangible_heritage = Di sản văn hóa phi vật thể quốc gia
console-handbook-recognition-wcc_craft_city = Thành phố thủ công sáng tạo thế giới (WCC)
console-handbook-recognition-tourist_site = Điểm du lịch
console-handbook-recognition-ip_collective_mark = Nhãn hiệu tập thể
console-handbook-recognition-ip_certification_mark = Nhãn hiệu chứng nhận
console-handbook-recognition-ip_geographical_indication = Chỉ dẫn địa lý
console-handbook-recognition-vietnam_record = Kỷ lục Việt Nam
console-handbook-recognition-other = Khác
console-handbook-unconfirmed = chưa xác nhận
console-handbook-none = Không có
console-handbook-at-risk = Có nguy cơ mai một
console-handbook-location = Vị trí
console-handbook-precision-village = Đúng vị trí làng
console-handbook-precision-commune = Điểm của xã (gần đúng)
console-handbook-precision-merged-commune = Điểm của xã đã sáp nhập làng (gần đúng)
console-handbook-precision-new-commune = Điểm của xã mới từ 1/7/2025 (gần đúng)
console-handbook-precision-none = Chưa có vị trí
console-handbook-village-products = { $count } sản phẩm
console-handbook-village-products-ocop = { $count } sản phẩm, { $ocop } đạt OCOP
console-handbook-craft = Nghề
console-handbook-ocop-stars = { $stars } sao
console-handbook-ocop-no-stars = Có OCOP, chưa rõ số sao
console-handbook-ocop-level-district = cấp huyện
console-handbook-ocop-level-city = cấp thành phố
console-handbook-ocop-level-national = cấp quốc gia
console-handbook-route-days = { $days } ngày
console-handbook-route-origin-city = tuyến của Thành phố
console-handbook-route-origin-operator = tuyến mẫu của công ty lữ hành
console-handbook-route-origin-langnghe = tuyến LangNghe gợi ý
console-handbook-filter-villages = Lọc làng nghề
console-handbook-filter-products = Lọc sản phẩm
console-handbook-filter-apply = Lọc
console-handbook-filter-clear = Bỏ lọc
console-handbook-filter-help = Bộ lọc tìm trong mọi trang, không cần gõ dấu
console-handbook-matching = { $count } trên { $all } hàng khớp với “{ $query }”
console-handbook-rows = Đang xem hàng { $from }–{ $to } trên { $total }
console-handbook-no-match = Không có hàng nào khớp với “{ $query }”.
console-handbook-page = Trang { $page }/{ $pages }
console-handbook-previous = ← Trang trước
console-handbook-next = Trang sau →
console-handbook-sections = Các phần của trang

## The map (/map, the map on the pages, map.js)

map-title = Bản đồ làng nghề
map-description = Mọi làng nghề trong sổ tay và các tuyến tham quan trên một bản đồ: ghim ở nơi biết vị trí của chính làng, vòng tròn ở nơi chỉ biết xã.
map-intro = { $villages } làng nghề và { $routes } tuyến. Chọn một điểm để xem tên và trang của làng.
map-label = Bản đồ làng nghề Hà Nội
map-route-label = Bản đồ tuyến: { $name }
map-fallback = Bản đồ cần JavaScript.
map-fallback-list = Xem danh sách làng nghề
map-error = Không tải được bản đồ. Bạn thử lại sau ít phút nhé.
map-empty = Nơi này chưa có điểm trên bản đồ.
map-approximate = Vị trí gần đúng: cấp xã
map-village-link = Trang của làng
map-route-link = Trang của tuyến
map-zoom-in = Phóng to
map-zoom-out = Thu nhỏ
map-close = Đóng
map-legend = Bản đồ cho thấy gì
map-legend-pin = Ghim: vị trí của chính làng nghề.
map-legend-circle = Vòng tròn: chỉ biết xã của làng; làng nằm đâu đó quanh đây.
map-legend-line = Đường kẻ: một tuyến, nối các điểm dừng theo thứ tự.
map-routes = Các tuyến tham quan
map-route-stops = { $count } điểm dừng trên bản đồ
map-showing-route = Trên bản đồ: { $name }.
map-all = Tất cả làng nghề và tuyến

## Public web pages (/, /villages, /routes, /products)

# Trang, trang chủ, làng nghề và 404 (layout, /, /villages, /villages/:id)
web-skip-to-content = Chuyển đến nội dung
web-nav-label = Trang web
web-nav-home = Trang chủ
web-nav-villages = Làng nghề
web-nav-routes = Tuyến tham quan
web-nav-products = Sản phẩm
web-nav-vlogs = Vlog
web-nav-map = Bản đồ
web-footer-about = LangNghe: sổ tay điện tử làng nghề Hà Nội.
web-footer-geojson = Dữ liệu bản đồ (GeoJSON)
web-home-title = Làng nghề Hà Nội
web-home-description = Sổ tay điện tử làng nghề Hà Nội: { $villages } làng nghề, nghề và sản phẩm của làng, và { $routes } tuyến tham quan.
web-home-intro = { $villages } làng nghề, { $crafts } nghề, { $products } sản phẩm và { $routes } tuyến tham quan, viết lại từ các nguồn đã dẫn.
web-search-label = Tìm làng nghề
web-search-placeholder = ví dụ: Bát Tràng, lụa, Gia Lâm
web-search-button = Tìm
web-home-crafts = Các nghề
web-home-craft-villages = { $count } làng
web-home-map = Bản đồ làng nghề
web-home-map-label = Bản đồ mọi làng nghề trong sổ tay
web-home-routes = Tuyến tham quan
web-home-all-routes = Mọi tuyến tham quan
web-home-products = Sản phẩm OCOP tiêu biểu
web-home-all-products = Mọi sản phẩm
web-home-vlogs = Vlog mới nhất
web-villages-title = Làng nghề
web-villages-description = Mọi làng nghề trong sổ tay làng nghề Hà Nội, theo nghề, huyện, danh hiệu và sản phẩm OCOP.
web-villages-filters = Lọc làng nghề
web-villages-more-filters = Nghề, huyện, danh hiệu, OCOP
web-villages-filter-q = Tên làng, nghề hoặc địa danh (có dấu hay không dấu)
web-villages-filter-craft = Nghề
web-villages-filter-district = Huyện, quận (trước tháng 7/2025)
web-villages-filter-title = Danh hiệu
web-villages-filter-ocop = Chỉ các làng có sản phẩm OCOP
web-villages-filter-any = Tất cả
web-villages-filter-apply = Xem các làng
web-villages-filter-clear = Bỏ lọc
web-villages-count = { $shown } trong { $total } làng
web-villages-empty = Không có làng nào khớp với bộ lọc này.
web-villages-empty-hint = Hãy thử từ khác, hoặc bỏ lọc để xem mọi làng.
web-village-ocop-count = { $count } sản phẩm OCOP
web-village-at-risk = Có nguy cơ mai một
web-village-all = Mọi làng nghề
web-village-crafts = Nghề
web-village-address = Địa chỉ
web-village-commune = Xã, phường (từ tháng 7/2025)
web-village-former = Trước tháng 7/2025
web-village-unconfirmed = chưa xác nhận
web-village-or = hoặc
web-village-commune-unknown = chưa được xác nhận
web-village-approximate = Vị trí gần đúng: theo xã
web-village-story = Lịch sử
web-village-visit = Tham quan
web-village-see = Nên xem
web-village-festivals = Lễ hội
web-village-hours = Giờ mở cửa và phiên chợ
web-village-shopping = Mua sắm
web-village-getting-there = Đường đến
web-village-distance = Cách trung tâm Hà Nội khoảng { $km } km.
web-village-directions = Chỉ đường (Google Maps)
web-village-titles = Danh hiệu
web-village-products = Sản phẩm
web-village-product-signature = sản phẩm đặc trưng
web-village-nearby = Làng nghề lân cận
web-village-nearby-km = { $km } km
web-village-routes = Tuyến tham quan qua làng
web-village-places = Nơi tham quan và mua sắm
web-village-latest-vlog = Vlog mới nhất
web-village-more-vlogs = Vlog khác
web-village-map-label = Bản đồ: { $village }
web-village-no-location = Sổ tay chưa có vị trí trên bản đồ của làng này.
web-not-found-title = Không tìm thấy trang
web-not-found-text = Không có trang nào ở địa chỉ này: trang có thể đã chuyển đi, hoặc đường dẫn bị gõ sai.
web-not-found-home = Về trang chủ
web-not-found-search = Hoặc tìm làng nghề:

# Routes and products (/routes, /products)
web-route-list-title = Tuyến tham quan làng nghề
web-route-list-intro = Những chuyến đi qua các làng nghề Hà Nội: tuyến của thành phố, lịch trình mẫu của các công ty du lịch và gợi ý của LangNghe.
web-route-empty = Sổ tay chưa có tuyến nào.
web-route-days = { $days } ngày
web-route-stop-count = { $count } điểm dừng
web-route-origin =
    { $origin ->
        [city] tuyến của thành phố
        [operator] lịch trình mẫu của công ty du lịch
       *[langnghe] gợi ý của LangNghe
    }
web-route-map-label = Bản đồ tuyến: { $name }
web-route-open-in-maps = Mở cả tuyến trong ứng dụng bản đồ
web-route-stops = Các điểm dừng
web-route-day-plan = Lịch trình
web-route-travel = Đường đi
web-route-location-approximate = vị trí gần đúng: cấp xã
web-route-all = Tất cả các tuyến
web-route-description = { $theme } { $days }, { $stops }.
web-product-list-title = Sản phẩm làng nghề
web-product-list-intro = Sản phẩm OCOP và sản phẩm đặc trưng của các làng nghề Hà Nội, cùng nơi mua.
web-product-filters = Lọc sản phẩm
web-product-filter-ocop = Hạng OCOP
web-product-filter-any = Tất cả
web-product-filter-stars = { $stars } sao
web-product-filter-craft = Nghề
web-product-filter-village = Làng
web-product-filter-apply = Lọc
web-product-filter-clear = Bỏ lọc
web-product-filter-note = Bộ lọc theo số sao chỉ giữ các hạng OCOP mà sổ tay đã xác nhận.
web-product-count = { $shown } trên { $total } sản phẩm
web-product-empty = Không có sản phẩm nào khớp với bộ lọc này.
web-product-page = Trang { $page }/{ $pages }
web-product-pages = Các trang của danh sách sản phẩm
web-product-previous = ← Trang trước
web-product-next = Trang sau →
web-product-ocop = OCOP { $stars }★
web-product-ocop-no-stars = Đạt OCOP (chưa rõ số sao)
web-product-ocop-level =
    { $level ->
        [district] cấp huyện
        [city] cấp thành phố
       *[national] cấp quốc gia
    }
web-product-unconfirmed = chưa xác nhận
web-product-producer = Nhà sản xuất
web-product-craft = Nghề
web-product-village = Làng
web-product-signature = Sản phẩm đặc trưng của { $village }
web-product-where-to-buy = Nơi mua
web-product-online = Gian hàng trực tuyến hoặc trang của nhà sản xuất
web-product-village-places = Cửa hàng, phòng trưng bày ở { $village }
web-product-city-places = Trung tâm và điểm bán sản phẩm OCOP ở Hà Nội
web-product-city-places-note = Các nơi này bán sản phẩm OCOP nói chung: hãy hỏi xem có sản phẩm này không.
web-product-no-shop = Sổ tay chưa ghi nơi bán sản phẩm này; hãy hỏi tại { $village }.
web-product-place-kind =
    { $kind ->
        [ocop_centre] trung tâm OCOP
        [ocop_sales_point] điểm bán sản phẩm OCOP
        [showroom] phòng trưng bày
        [market] chợ
        [museum] bảo tàng
       *[sight] điểm tham quan
    }
web-product-all = Tất cả sản phẩm
web-product-description = { $name } ({ $craft }), { $village }, Hà Nội.

## Web chat (chat.js, /api/chat)

# The chat's own words (chat.js); its replies come from the dialogue above.
chat-web-open = Hỏi LangNghe
chat-web-title = LangNghe: làng nghề Hà Nội
chat-web-close = Đóng khung trò chuyện
chat-web-log = Trò chuyện với LangNghe
chat-web-input = Câu hỏi của bạn
chat-web-placeholder = Hỏi về một làng, một nghề, một tuyến…
chat-web-send = Gửi
chat-web-greeting = Xin chào! Tôi là LangNghe, sổ tay làng nghề Hà Nội. Bạn hãy đặt câu hỏi, hoặc chọn bên dưới.
chat-web-thinking = LangNghe đang trả lời…
chat-web-error = Xin lỗi, khung trò chuyện chưa kết nối được với LangNghe. Bạn thử lại sau ít phút nhé.
chat-web-busy = Bạn gửi nhiều tin quá nhanh. Hãy đợi một phút rồi thử lại.
chat-web-location-denied = Không có vị trí của bạn, tôi chưa tìm được các làng ở gần. Bạn cũng có thể nói tên một nơi, ví dụ "làng nghề gần Bát Tràng".
chat-web-location-unsupported = Trình duyệt này không gửi được vị trí. Bạn hãy nói tên một nơi, ví dụ "làng nghề gần Bát Tràng".
# The web chat knows no one, so it shows no artisan's record.
chat-web-no-records = Khung trò chuyện trên web không lưu hồ sơ cá nhân. Nghệ nhân và cơ sở sản xuất có thể theo dõi hồ sơ công nhận của mình trong khung trò chuyện LangNghe trên Telegram hoặc Zalo, sau khi liên kết với hồ sơ bằng mã do cơ quan cấp.

## Vlogs on village cards (bot and web)

# A village's card (bot and web chat) names its latest published vlog; $link is its page.
vlog-card-latest =
    🎬 Vlog mới nhất: { $title }
    { $link }
vlog-card-poster = Ảnh bìa vlog “{ $title }”
# Staff who send clips to the bot choose the village in the caption, as in the console.
vlog-card-clip-village-how = Để gắn clip với một làng, hãy ghi tên làng trên một dòng riêng, dưới tiêu đề, trong chú thích của video (ví dụ: Bát Tràng).
vlog-card-clip-village = 📍 Làng: { $village }

## Insights console

console-insights = Thống kê câu hỏi
console-insights-period = { $from } đến { $to } ({ $days } ngày)
console-insights-from = Từ ngày
console-insights-to = Đến ngày (tính cả ngày này)
console-insights-show = Xem
console-insights-presets = Khoảng thời gian
console-insights-last-days = { $days } ngày gần đây
console-insights-json = Dữ liệu này dạng JSON
console-insights-figures = Số liệu của khoảng thời gian
console-insights-questions = Câu hỏi
console-insights-visitors = Số khách khác nhau
console-insights-answered = Đã trả lời
console-insights-unanswered = Chưa trả lời được
console-insights-per-day = Câu hỏi mỗi ngày, theo kênh và ngôn ngữ
console-insights-legend = Kênh và ngôn ngữ
console-insights-chart-desc = { $questions } câu hỏi trong { $days } ngày; ngày nhiều nhất là { $busiest } với { $most } câu.
console-insights-as-table = Các số liệu này dạng bảng
console-insights-day = Ngày
console-insights-total = Tổng
console-insights-none = Không có câu hỏi nào trong khoảng thời gian này.
console-insights-none-short = Không có trong khoảng thời gian này.
console-insights-most-asked = Được hỏi nhiều nhất
console-insights-top-villages = Làng nghề
console-insights-top-crafts = Nghề
console-insights-top-products = Sản phẩm
console-insights-top-routes = Tuyến tham quan
console-insights-top-intents = Ý định
console-insights-channel-telegram = Telegram
console-insights-channel-zalo = Zalo
console-insights-channel-web = Trò chuyện trên web
console-insights-channel-api = API
console-insights-intent-village = Một làng nghề
console-insights-intent-villages = Các làng của một nghề hay một vùng
console-insights-intent-route = Một tuyến tham quan
console-insights-intent-product = Sản phẩm
console-insights-intent-nearby = Gần tôi
console-insights-intent-recognition = Danh hiệu
console-insights-intent-help = Trợ giúp
console-insights-intent-unknown = Không hiểu
console-insights-intent-out-of-scope = Ngoài phạm vi (trả lời bằng trợ giúp)
console-insights-type-village = Làng nghề
console-insights-type-craft = Nghề
console-insights-type-product = Sản phẩm
console-insights-type-route = Tuyến
console-insights-unanswered-groups = Câu hỏi chưa trả lời được: { $questions } câu trong { $groups } nhóm cách hỏi giống nhau
console-insights-teach-help = Dạy bot một câu hỏi chỉ trong một bước: chọn điều bot cần trả lời (gõ vài chữ tên làng, nghề, sản phẩm hay tuyến), hoặc đánh dấu là ngoài phạm vi. Mọi máy chủ trả lời theo cách mới trong vòng 10 giây.
console-insights-no-unanswered = Mọi câu hỏi trong khoảng thời gian này đều đã được trả lời.
console-insights-asked-times = Được hỏi { $count } lần
console-insights-seen = lần đầu { $first }, lần cuối { $last }
console-insights-teach-text = Cách hỏi
console-insights-teach-target = Trả lời bằng
console-insights-teach-placeholder = một làng, nghề, sản phẩm, tuyến…
console-insights-teach = Dạy bot
console-insights-out-of-scope = Ngoài phạm vi: trả lời bằng trợ giúp
console-insights-more-groups = Còn { $count } nhóm nữa trong { $api }.
console-insights-learned = Cách hỏi đã dạy ({ $count })
console-insights-answers = Trả lời bằng
console-insights-taught-at = Ngày dạy
console-insights-undo = Hoàn tác
console-insights-undo-phrasing = Hoàn tác “{ $text }”
console-insights-no-learned = Chưa dạy cách hỏi nào.
console-insights-taught = Đã dạy: bot trả lời cách hỏi này theo cách mới trong vòng 10 giây.
console-insights-undone = Đã hoàn tác: bot trả lời cách hỏi này như trước.
console-insights-teach-no-text = Hãy viết cách hỏi cần dạy.
console-insights-teach-no-target = Hãy chọn điều cần trả lời trong danh sách (làng, nghề, sản phẩm, tuyến), hoặc đánh dấu là ngoài phạm vi.
console-insights-teach-ambiguous = Có nhiều mục cùng tên này: hãy chọn một mục trong danh sách.

## Phụ đề (issue 19: captions out): phụ đề trên trang clip, video Telegram có phụ đề in sẵn
publication-waiting-captions = ⏰ Đã đến giờ đăng "{ $title }" lên { $target } nhưng phụ đề vẫn đang được in vào video. Bài sẽ được đăng ngay khi xong (hoặc chọn "không in phụ đề" trên trang clip để đăng không phụ đề).
console-captions = Phụ đề
console-captions-help = Tệp SRT hoặc WebVTT, UTF-8, tối đa 1 MB; được lưu dưới dạng WebVTT và hiển thị làm phụ đề trên trang vlog và trong RSS.
console-captions-none = Chưa có phụ đề.
console-captions-cues = { $count } câu
console-captions-lang = Ngôn ngữ
console-captions-file = Tệp
console-captions-upload = Tải phụ đề lên
console-captions-uploading = Đang tải lên…
console-captions-delete = Xóa
console-captions-saved = Đã lưu phụ đề.
console-captions-deleted = Đã xóa phụ đề.
console-captions-burn = In phụ đề vào video đăng Telegram
console-captions-burn-help = Bài trên kênh thường được xem không tiếng trên điện thoại: bài đăng dùng bản 720p có phụ đề in sẵn trên hình. Trang web vẫn giữ video gốc kèm phụ đề bật/tắt được.
console-captions-burn-off = Không in phụ đề
console-captions-burn-saved = Đã lưu: video đăng Telegram theo lựa chọn này.
console-captions-burned = đã in vào video Telegram
console-captions-burning = đang in vào video Telegram
