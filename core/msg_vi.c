/* msg_vi.c - every text provstat shows, in Vietnamese (core/msg.h).
 *
 * Indexed by the ids of core/msg.h; the same arguments as msg_en.c, in the
 * order Vietnamese needs (positional conversions %1$s where it differs).
 * The office's terms: dòng, cột, chỉ tiêu, đơn vị, đơn vị báo cáo, kỳ báo
 * cáo, số liệu, giá trị, tệp, danh mục, kế hoạch, ước tính. Codes, file names
 * and values stay as they are. NFC, full diacritics.
 */
#include "core/msg_int.h"

const char *const ps_msg_vi[PS_M_COUNT_] = {
    /* the diagnostic codes' default texts (core/diag_codes.def) */
    [PS_M_D_MALFORMED_CSV] = "tệp CSV sai định dạng",
    [PS_M_D_FIELD_COUNT] = "số trường của dòng khác số cột của dòng tiêu đề",
    [PS_M_D_BAD_ENCODING] = "văn bản không phải UTF-8 hợp lệ",
    [PS_M_D_MISSING_COLUMN] = "thiếu một cột bắt buộc",
    [PS_M_D_DUPLICATE_COLUMN] = "một cột xuất hiện hai lần trong dòng tiêu đề",
    [PS_M_D_UNKNOWN_COLUMN] = "cột không xác định, được bỏ qua",
    [PS_M_D_EMPTY_FILE] = "tệp không có dòng tiêu đề",
    [PS_M_D_MISSING_FIELD] = "một trường bắt buộc bị để trống",
    [PS_M_D_BAD_CODE] = "mã có ký tự không được phép",
    [PS_M_D_DUPLICATE_CODE] = "mã xuất hiện hai lần",
    [PS_M_D_UNKNOWN_PARENT] = "đơn vị cấp trên không phải là một đơn vị trong danh mục",
    [PS_M_D_MULTIPLE_TOP] = "có nhiều hơn một đơn vị không có đơn vị cấp trên",
    [PS_M_D_CYCLE] = "quan hệ cấp trên của các đơn vị tạo thành vòng lặp",
    [PS_M_D_BAD_LEVEL] = "cấp đơn vị không hợp lệ",
    [PS_M_D_LEVEL_ORDER] = "cấp của đơn vị không thấp hơn cấp của đơn vị cấp trên",
    [PS_M_D_BAD_VALIDITY] = "khoảng thời gian hiệu lực không hợp lệ",
    [PS_M_D_BAD_SUCCESSOR] = "đơn vị kế thừa không hợp lệ",
    [PS_M_D_BAD_KIND] = "loại chỉ tiêu không hợp lệ",
    [PS_M_D_BAD_AGGREGATION] = "cách tổng hợp không hợp lệ",
    [PS_M_D_BAD_FREQUENCY] = "kỳ báo cáo của chỉ tiêu không hợp lệ",
    [PS_M_D_BAD_DECIMALS] = "số chữ số thập phân phải là số nguyên từ 0 đến 6",
    [PS_M_D_BAD_FORMULA] = "công thức không đọc được",
    [PS_M_D_FORMULA_UNKNOWN] = "công thức dùng một chỉ tiêu không có trong danh mục",
    [PS_M_D_FORMULA_CYCLE] = "công thức phụ thuộc vào chính nó",
    [PS_M_D_NO_POP] = "per_capita cần chỉ tiêu POP",
    [PS_M_D_BAD_WEIGHT] = "quyền số của wmean không phải là một chỉ tiêu",
    [PS_M_D_BAD_SCOPE] = "đơn vị thuộc phạm vi của đơn vị báo cáo không tồn tại",
    [PS_M_D_BAD_INDICATOR_LIST] = "danh sách chỉ tiêu của đơn vị báo cáo có chỉ tiêu tính toán hoặc chỉ tiêu không có trong danh mục",
    [PS_M_D_BAD_DEADLINE] = "deadline_day phải từ 1 đến 28",
    [PS_M_D_BAD_RULE] = "quy tắc kiểm tra không hợp lệ",
    [PS_M_D_CATALOG_CHANGE] = "thay đổi này mâu thuẫn với số liệu đã lưu",
    [PS_M_D_UNKNOWN_UNIT] = "đơn vị không có trong danh mục",
    [PS_M_D_UNKNOWN_INDICATOR] = "chỉ tiêu không có trong danh mục",
    [PS_M_D_OUT_OF_SCOPE] = "đơn vị nằm ngoài phạm vi của đơn vị báo cáo",
    [PS_M_D_NOT_ALLOWED] = "đơn vị báo cáo không được gửi chỉ tiêu này",
    [PS_M_D_OTHER_REPORTER] = "giá trị này do một đơn vị báo cáo khác gửi trước",
    [PS_M_D_UNIT_NOT_VALID] = "đơn vị chưa tồn tại hoặc đã giải thể trong kỳ báo cáo đó",
    [PS_M_D_BAD_PERIOD] = "kỳ báo cáo không hợp lệ",
    [PS_M_D_PERIOD_TOO_SHORT] = "kỳ báo cáo ngắn hơn kỳ của chỉ tiêu",
    [PS_M_D_BAD_NUMBER] = "giá trị không phải là số",
    [PS_M_D_AMBIGUOUS_NUMBER] = "giá trị có thể đọc theo hai cách",
    [PS_M_D_OUT_OF_RANGE] = "giá trị nằm ngoài khoảng hợp lệ của chỉ tiêu",
    [PS_M_D_DERIVED_SUBMITTED] = "chỉ tiêu tính toán do chương trình tính, không được gửi",
    [PS_M_D_DUPLICATE_ROW] = "cùng đơn vị, chỉ tiêu, kỳ báo cáo và loại số liệu xuất hiện hai lần trong tệp",
    [PS_M_D_BAD_MEASURE] = "measure phải là actual (thực hiện) hoặc plan (kế hoạch)",
    [PS_M_D_BAD_STATUS] = "status phải là A (chính thức), P (sơ bộ) hoặc E (ước tính)",
    [PS_M_D_BAD_FLAGS] = "cờ đánh dấu không xác định",
    [PS_M_D_PERIOD_CLOSED] = "kỳ báo cáo đã khóa sổ",
    [PS_M_D_RULE_FAILED] = "một quy tắc kiểm tra không thỏa mãn",
    [PS_M_D_OUTLIER] = "giá trị bất thường so với số liệu các kỳ trước của đơn vị",
    [PS_M_D_BIG_CHANGE] = "giá trị thay đổi hơn 50% so với cùng kỳ năm trước",
    [PS_M_D_INCOMPLETE_SOURCE] = "giá trị xuất ra có độ bao phủ dưới 1",
    [PS_M_D_TOTAL_MISMATCH] = "tổng số đã gửi khác tổng cộng từ các thành phần",
    [PS_M_D_BAD_COVERAGE] = "coverage (độ bao phủ) phải là số từ 0 đến 1",
    [PS_M_D_NUMBER_LIMIT] = "độ lớn của giá trị trên 10^15, hoặc dưới 10^-9 mà không bằng 0",
    [PS_M_D_NO_VALUES] = "tệp không có giá trị nào",
    [PS_M_D_DATE_PERIOD] = "một ngày trong cột kỳ báo cáo được hiểu là tháng của ngày đó",
    [PS_M_D_UNREADABLE_FILE] = "tệp không phải CSV, cũng không phải sổ tính .xlsx đọc được",

    /* core/error.c */
    [PS_M_E_OK] = "không có lỗi",
    [PS_M_E_USAGE] = "dùng lệnh sai",
    [PS_M_E_REFUSED] = "số liệu bị từ chối",
    [PS_M_E_CHECK] = "kiểm tra phát hiện vấn đề",
    [PS_M_E_IO] = "lỗi tệp",
    [PS_M_E_DB] = "lỗi cơ sở dữ liệu",
    [PS_M_E_BUSY] = "cơ sở dữ liệu đang bị một tiến trình khác khóa",
    [PS_M_E_NOT_FOUND] = "không tìm thấy",
    [PS_M_E_SCHEMA] = "không phải cơ sở dữ liệu provstat, hoặc do một phiên bản provstat mới hơn tạo ra",
    [PS_M_E_LIMIT] = "đã chạm giới hạn của tệp kết quả",
    [PS_M_E_INTERNAL] = "lỗi nội bộ của chương trình",
    [PS_M_E_UNKNOWN] = "lỗi không xác định",
    /* core/diag.c */
    [PS_M_UNKNOWN_PROBLEM] = "vấn đề không xác định",
    /* cli/main.c: the program's and the commands' help */
    [PS_M_MAIN_USAGE] = 
        "cách dùng: provstat [--db FILE] COMMAND [options]\n"
        "\n"
        "provstat kiểm tra số liệu hằng tháng của các huyện và các sở, ngành, lưu mọi\n"
        "giá trị cùng lịch sử sửa đổi, tổng hợp và lập báo cáo tháng.\n"
        "\n"
        "các lệnh:\n",
    [PS_M_MAIN_GLOBAL_OPTIONS] = 
        "\n"
        "tùy chọn chung:\n"
        "  --db FILE    tệp cơ sở dữ liệu (mặc định $PROVSTAT_DB, nếu không có thì provstat.db ở thư mục hiện tại)\n"
        "  --lang L     ngôn ngữ của thông báo: vi hoặc en (mặc định $PROVSTAT_LANG, nếu không có thì theo locale)\n"
        "  --help       nội dung này; `provstat COMMAND --help` cho từng lệnh\n"
        "  --version    phiên bản\n"
        "\n"
        "mã thoát: 0 hoàn thành, 1 số liệu bị từ chối hoặc kiểm tra không đạt, 2 dùng lệnh sai,\n"
        "3 lỗi tệp hoặc lỗi cơ sở dữ liệu\n",
    [PS_M_MAIN_DB_NEEDS_FILE] = "--db cần tên tệp",
    [PS_M_MAIN_LANG_NEEDS_VALUE] = "--lang cần giá trị vi hoặc en",
    [PS_M_MAIN_BAD_LANG] = "--lang %s: hãy dùng vi hoặc en",
    [PS_M_MAIN_BAD_LANG_ENV] = "PROVSTAT_LANG=%s: hãy đặt vi hoặc en, hoặc bỏ biến này",
    [PS_M_MAIN_UNKNOWN_OPTION] = "tùy chọn không xác định: %s",
    [PS_M_MAIN_NO_COMMAND] = "chưa nhập lệnh",
    [PS_M_MAIN_UNKNOWN_COMMAND] = "lệnh không xác định: %s",
    [PS_M_MAIN_WRITING_STDOUT] = "không ghi được ra đầu ra chuẩn",
    [PS_M_H_INIT] = 
        "Tạo cơ sở dữ liệu và nạp danh mục từ thư mục DIR (units.csv, reporters.csv,\n"
        "indicators.csv và rules.csv nếu có). Chạy lại để cập nhật danh mục;\n"
        "số liệu đã lưu được giữ nguyên.",
    [PS_M_HO_INIT] = 
        "tùy chọn:\n"
        "  --catalog DIR   thư mục danh mục\n",
    [PS_M_H_CATALOG] = "Liệt kê danh mục. Dạng csv có đúng các cột của tệp danh mục và nạp lại được.",
    [PS_M_HO_CATALOG] = 
        "tùy chọn:\n"
        "  --format F      table (mặc định), csv hoặc json\n",
    [PS_M_H_INGEST] = 
        "Kiểm tra và lưu các tệp số liệu báo cáo. Mỗi vấn đề được báo theo tệp:dòng:cột;\n"
        "tệp có lỗi không được lưu gì, trừ khi dùng --partial.",
    [PS_M_HO_INGEST] = 
        "tùy chọn:\n"
        "  --reporter CODE        đơn vị báo cáo gửi các tệp (bắt buộc)\n"
        "  --unit U               đơn vị, cho tệp không có cột đơn vị\n"
        "  --period P             kỳ báo cáo, cho tệp không có cột kỳ báo cáo\n"
        "  --number-format F      plain (1234.5, mặc định), vi (1.234,5; mặc định với tệp dùng ;), en (1,234.5)\n"
        "  --encoding E           utf-8 (mặc định) hoặc cp1258 (Excel tiếng Việt đời cũ)\n"
        "  --partial              lưu các dòng đúng của tệp có lỗi\n"
        "  --dry-run              kiểm tra tất cả, không lưu gì\n"
        "  --force                sửa giá trị của đơn vị báo cáo khác hoặc của kỳ đã khóa sổ (có ghi lại)\n"
        "  --errors-csv F         ghi mọi thông báo vào tệp CSV F\n"
        "  --bom                  cùng --errors-csv: ghi dấu BOM UTF-8 ở đầu tệp F (cho Excel)\n"
        "  --received DATE        ngày đơn vị gửi tệp (YYYY-MM-DD; mặc định là bây giờ)\n",
    [PS_M_H_STATUS] = 
        "Theo từng đơn vị báo cáo: số giá trị phải báo cáo trong kỳ, đã nhận, còn thiếu, đúng hạn\n"
        "hay chậm (theo deadline_day của tháng sau của đơn vị báo cáo) và tỷ lệ báo cáo.\n"
        "Với --missing: từng giá trị còn phải báo cáo mà chưa nhận, mỗi giá trị một dòng, kèm\n"
        "hạn báo cáo và số ngày chậm (để trống khi chưa tới hạn).",
    [PS_M_HO_STATUS] = 
        "tùy chọn:\n"
        "  --period P      tháng, quý, 6 tháng, năm hoặc lũy kế từ đầu năm\n"
        "  --missing       liệt kê các giá trị còn thiếu thay cho các con số tổng hợp\n"
        "  --reporter R    với --missing: chỉ đơn vị báo cáo R\n"
        "  --as-of DATE    với --missing: tính số ngày chậm đến ngày DATE (YYYY-MM-DD; mặc định hôm nay)\n"
        "  --format F      table (mặc định), csv hoặc json\n",
    [PS_M_H_HISTORY] = "Mọi lần sửa đổi của một giá trị, cũ nhất trước, với đơn vị báo cáo đã gửi, tệp và dòng.",
    [PS_M_HO_HISTORY] = 
        "tùy chọn:\n"
        "  --unit U        đơn vị (bắt buộc)\n"
        "  --indicator X   chỉ tiêu (bắt buộc)\n"
        "  --period P      kỳ báo cáo (bắt buộc)\n"
        "  --measure M     actual (thực hiện, mặc định) hoặc plan (kế hoạch)\n"
        "  --format F      table (mặc định), csv hoặc json\n",
    [PS_M_H_RETRACT] = 
        "Rút một giá trị, hoặc mọi giá trị còn hiệu lực của lần gửi N: ghi một lần sửa đổi\n"
        "rỗng; các giá trị trước vẫn còn trong lịch sử. --force rút được giá trị của đơn vị\n"
        "báo cáo khác hoặc của kỳ đã khóa sổ (có ghi lại), nhưng không bao giờ rút giá trị\n"
        "ngoài phạm vi hay ngoài danh sách chỉ tiêu của đơn vị báo cáo.",
    [PS_M_HO_RETRACT] = 
        "tùy chọn:\n"
        "  --unit U          đơn vị\n"
        "  --indicator X     chỉ tiêu\n"
        "  --period P        kỳ báo cáo\n"
        "  --submission N    mọi giá trị còn hiệu lực của lần gửi N (thay cho U, X và P)\n"
        "  --reporter CODE   đơn vị báo cáo rút giá trị (bắt buộc)\n"
        "  --measure M       actual (thực hiện, mặc định) hoặc plan (kế hoạch)\n"
        "  --force           rút giá trị của đơn vị báo cáo khác hoặc của kỳ đã khóa sổ (có ghi lại)\n",
    [PS_M_H_CLOSE] = 
        "Khóa sổ đơn vị U (mặc định: đơn vị cao nhất) và mọi đơn vị cấp dưới cho kỳ P và mọi tháng\n"
        "trong kỳ P, khi đã có số liệu chính thức. Dòng số liệu của kỳ đã khóa sổ bị từ chối,\n"
        "trừ khi ingest được chạy với --force.",
    [PS_M_HO_CLOSE] = 
        "tùy chọn:\n"
        "  --period P      kỳ báo cáo (bắt buộc)\n"
        "  --unit U        đơn vị (mặc định: đơn vị cao nhất)\n",
    [PS_M_H_REOPEN] = "Mở lại một kỳ đã khóa sổ bằng lệnh close.",
    [PS_M_H_BACKUP] = 
        "Ghi một bản sao nhất quán của cơ sở dữ liệu vào FILE, kể cả khi đang có người ghi số liệu.\n"
        "Nếu FILE đã có, chỉ ghi đè khi có --force.",
    [PS_M_HO_BACKUP] = 
        "tham số:\n"
        "  FILE            tệp bản sao cần ghi\n"
        "tùy chọn:\n"
        "  --force         ghi đè FILE nếu tệp đã có\n",
    [PS_M_H_SHOW] = 
        "Các giá trị với mọi phép so sánh: lũy kế từ đầu năm, kế hoạch, chỉ số so với cùng kỳ\n"
        "năm trước, mức thực hiện kế hoạch và tiến độ, tỷ trọng trong đơn vị cấp trên.",
    [PS_M_HO_SHOW] = 
        "tùy chọn:\n"
        "  --period P      kỳ báo cáo\n"
        "  --unit U        một đơn vị (mặc định: mọi đơn vị)\n"
        "  --indicator X   một chỉ tiêu (mặc định: tất cả)\n"
        "  --format F      table (mặc định), csv hoặc json\n"
        "  --bom           cùng csv: ghi dấu BOM UTF-8 ở đầu (cho Excel)\n",
    [PS_M_H_CHECK] = 
        "Kiểm tra một kỳ: các quy tắc của rules.csv trên số liệu của mọi đơn vị, các tổng số đã gửi\n"
        "lệch hơn 0,5%% so với tổng cộng từ các thành phần, và các giá trị bất thường\n"
        "so với lịch sử của từng đơn vị. Mã thoát 1 khi một quy tắc mức error không thỏa mãn.",
    [PS_M_HO_CHECK] = 
        "tùy chọn:\n"
        "  --period P      kỳ báo cáo (bắt buộc)\n"
        "  --errors-csv F  ghi mọi phát hiện vào tệp CSV F\n",
    [PS_M_H_TREND] = 
        "Một chỉ tiêu của một đơn vị qua một dãy kỳ: dãy số cùng chỉ số so với năm trước\n"
        "và kỳ trước, tốc độ tăng bình quân năm qua các năm đủ, xu thế tuyến tính\n"
        "(hệ số góc, hệ số chặn, R²) và hai dự báo cuối năm. Các kỳ trước khi thay đổi địa giới\n"
        "hiển thị giá trị so sánh được, nên đường xu thế khớp với bảng.",
    [PS_M_HO_TREND] = 
        "tùy chọn:\n"
        "  --indicator X   chỉ tiêu (bắt buộc)\n"
        "  --unit U        đơn vị (mặc định: đơn vị cao nhất)\n"
        "  --from P        kỳ đầu: tháng, quý, 6 tháng hoặc năm (bắt buộc)\n"
        "  --to P          kỳ cuối, cùng loại (bắt buộc)\n"
        "  --format F      table (mặc định) hoặc json\n",
    [PS_M_H_EXPORT] = 
        "Xuất các giá trị đã tính (đã gửi, tổng hợp theo đơn vị và thời gian, chỉ tiêu tính toán) ra CSV.\n"
        "long: mỗi dòng một đơn vị, chỉ tiêu và kỳ có giá trị, cùng kế hoạch năm,\n"
        "với status, coverage và flags; nạp lại được bằng ingest. wide:\n"
        "chỉ tiêu x kỳ cho một đơn vị, hoặc đơn vị x chỉ tiêu cho một kỳ (--by unit).\n"
        "sdmx: SDMX-CSV 1.0, dataflow PROVSTAT:DF_PROVINCE(1.0), MEASURE actual hoặc plan.",
    [PS_M_HO_EXPORT] = 
        "tùy chọn:\n"
        "  --period P       kỳ báo cáo cần xuất\n"
        "  --from P --to P  mọi kỳ cùng loại từ P đến P\n"
        "  --format F       long, wide hoặc sdmx\n"
        "  --out FILE       tệp CSV (ghi vào tệp tạm rồi đổi tên); - để ghi ra đầu ra chuẩn\n"
        "  --level L        xuất các đơn vị đến cấp L (nation, region, province, district, commune);\n"
        "                   mặc định: đơn vị và cấp ngay dưới nó\n"
        "  --unit U         đơn vị bắt đầu (mặc định: đơn vị cao nhất); đơn vị của dạng wide\n"
        "  --by unit        dạng wide: mỗi dòng một đơn vị, mỗi cột một chỉ tiêu (một kỳ)\n"
        "  --bom            ghi dấu BOM UTF-8 ở đầu tệp (cho Excel)\n",
    [PS_M_H_REPORT] = 
        "Lập sổ báo cáo của đơn vị U (mặc định: đơn vị cao nhất) cho kỳ P: biểu tổng hợp,\n"
        "theo huyện, xu thế có biểu đồ, tình hình báo cáo, số liệu và ghi chú. Tệp được ghi\n"
        "dưới tên tạm rồi đổi tên, nên khi lỗi không bao giờ để lại báo cáo ghi dở.\n"
        "Khi có SOURCE_DATE_EPOCH, cùng số liệu cho cùng một tệp.",
    [PS_M_HO_REPORT] = 
        "tùy chọn:\n"
        "  --period P      tháng (2016-07), quý, 6 tháng, năm hoặc lũy kế từ đầu năm\n"
        "  --out FILE      sổ báo cáo cần ghi (.xlsx)\n"
        "  --lang L        vi (mặc định) hoặc en\n"
        "  --unit U        đơn vị báo cáo (mặc định: đơn vị cao nhất)\n",
    [PS_M_H_TEMPLATE] = 
        "Ghi biểu mẫu trống mà đơn vị báo cáo R điền cho kỳ P: mỗi giá trị phải báo cáo một dòng\n"
        "(đúng những gì status chờ nhận), kèm giá trị kỳ trước và cùng kỳ năm trước để tham\n"
        "khảo. Trong sổ tính, các mã, tên và số tham khảo được khóa; mỗi ô giá trị chỉ nhận\n"
        "một số trong khoảng và đúng số chữ số thập phân của chỉ tiêu, hoặc một ký hiệu (- .. x).\n"
        "Biểu mẫu đã điền nạp được ngay bằng ingest.",
    [PS_M_HO_TEMPLATE] = 
        "tùy chọn:\n"
        "  --reporter R    đơn vị báo cáo của biểu mẫu\n"
        "  --period P      kỳ báo cáo (một năm khi dùng --measure plan)\n"
        "  --out FILE      FILE.xlsx (sổ tính) hoặc FILE.csv\n"
        "  --measure plan  biểu kế hoạch năm: các chỉ tiêu thời kỳ và thời điểm, kèm kế hoạch và\n"
        "                  số thực hiện năm trước để tham khảo\n"
        "  --lang L        vi (mặc định, hoặc en khi PROVSTAT_LANG=en) hoặc en\n",
    /* cli/common.c */
    [PS_M_CLI_USAGE_LINE] = "cách dùng: provstat [--db FILE] %s\n",
    /* core/catalog.c */
    [PS_M_CAT_FILE_EMPTY_NEEDS_HEADER] = "tệp trống: tệp cần có dòng tiêu đề",
    [PS_M_CAT_COLUMN_NOT_COLUMN_THIS] = "cột %s không phải là cột của tệp này, được bỏ qua",
    [PS_M_CAT_COLUMN_APPEARS_TWICE_HEADER] = "cột %s xuất hiện hai lần trong dòng tiêu đề",
    [PS_M_CAT_HEADER_HAS_NO_COLUMN] = "dòng tiêu đề không có cột %s",
    [PS_M_CAT_ROW_HAS_FIELDS_BUT] = "dòng có %zu trường nhưng dòng tiêu đề có %zu cột",
    [PS_M_CAT_LEVEL_NOT_ONE_NATION] = "cấp %s không phải một trong các giá trị nation, region, province, district, commune",
    [PS_M_CAT_NOT_PERIOD] = "%s %s không phải là kỳ báo cáo: %s",
    [PS_M_CAT_REPORT_LEVEL_NOT_ONE] = "report_level %s không phải một trong các giá trị nation, region, province, district, commune (hoặc để trống)",
    [PS_M_CAT_DEADLINE_DAY_MUST_DAY] = "deadline_day %s phải là một ngày từ 1 đến 28",
    [PS_M_CAT_KIND_NOT_ONE_FLOW] = "kind %s không phải một trong các giá trị flow, stock, rate, derived",
    [PS_M_CAT_SPACE_AGG_NOT_ONE] = "space_agg %s không phải một trong các giá trị sum, mean, wmean:WEIGHT, min, max, none",
    [PS_M_CAT_TIME_AGG_NOT_ONE] = "time_agg %s không phải một trong các giá trị sum, last, mean, none",
    [PS_M_CAT_RATE_RATES_CANNOT_SUMMED] = "%s là chỉ tiêu tỷ lệ: không được cộng tỷ lệ giữa các đơn vị (dùng mean, wmean:WEIGHT hoặc none)",
    [PS_M_CAT_RATE_RATES_CANNOT_SUMMED_2] = "%s là chỉ tiêu tỷ lệ: không được cộng tỷ lệ theo thời gian (dùng mean, last hoặc none)",
    [PS_M_CAT_DECIMALS_MUST_WHOLE_NUMBER] = "decimals %s phải là số nguyên từ 0 đến 6",
    [PS_M_CAT_MIN_NOT_PLAIN_NUMBER] = "min %s không phải là số viết thường (viết như 0 hoặc -12.5)",
    [PS_M_CAT_MAX_NOT_PLAIN_NUMBER] = "max %s không phải là số viết thường (viết như 100 hoặc 1e6)",
    [PS_M_CAT_MIN_ABOVE_MAX] = "min %s lớn hơn max %s",
    [PS_M_CAT_ORDER_NOT_NUMBER] = "order %s không phải là số",
    [PS_M_CAT_FREQUENCY_NOT_ONE_MONTH] = "frequency %s không phải một trong các giá trị month, quarter, half, year",
    [PS_M_CAT_KEY_MUST] = "key %s phải là 0 hoặc 1",
    [PS_M_CAT_FORMULA_DOES_NOT_PARSE] = "công thức của %s không đọc được: %s",
    [PS_M_CAT_HAS_FORMULA_BUT_NOT] = "%s có công thức nhưng không phải chỉ tiêu tính toán (derived): chỉ chỉ tiêu tính toán mới có công thức",
    [PS_M_CAT_DERIVED_BUT_HAS_NO] = "%s là chỉ tiêu tính toán nhưng không có công thức",
    [PS_M_CAT_OP_NOT_ONE] = "op %s không phải một trong các phép so sánh == != < <= > >=",
    [PS_M_CAT_SEVERITY_MUST_ERROR_WARNING] = "severity %s phải là error hoặc warning",
    [PS_M_CAT_RULE_DOES_NOT_PARSE] = "quy tắc %s: %s không đọc được: %s",
    [PS_M_CAT_CANNOT_READ_CATALOG_FOLDER] = "không đọc được thư mục danh mục %s: %s",
    [PS_M_CAT_CATALOG_NOT_FOLDER_GIVE] = "danh mục %s không phải là thư mục: hãy chỉ ra thư mục chứa units.csv, reporters.csv và indicators.csv",
    [PS_M_CAT_UNIT_CODE_MUST_LETTERS] = "mã đơn vị \"%s\" chỉ được gồm chữ cái và chữ số",
    [PS_M_CAT_UNIT_APPEARS_TWICE_FIRST] = "đơn vị %s xuất hiện hai lần (lần đầu ở dòng %ld)",
    [PS_M_CAT_INDICATOR_CODE_MUST_UPPER] = "mã chỉ tiêu \"%s\" chỉ được gồm chữ in hoa, chữ số và _, bắt đầu bằng một chữ cái",
    [PS_M_CAT_INDICATOR_APPEARS_TWICE_FIRST] = "chỉ tiêu %s xuất hiện hai lần (lần đầu ở dòng %ld)",
    [PS_M_CAT_REPORTER_CODE_MUST_UPPER] = "mã đơn vị báo cáo \"%s\" chỉ được gồm chữ in hoa, chữ số và _, bắt đầu bằng một chữ cái",
    [PS_M_CAT_REPORTER_APPEARS_TWICE_FIRST] = "đơn vị báo cáo %s xuất hiện hai lần (lần đầu ở dòng %ld)",
    [PS_M_CAT_RULE_CODE_MUST_UPPER] = "mã quy tắc \"%s\" chỉ được gồm chữ in hoa, chữ số và _, bắt đầu bằng một chữ cái",
    [PS_M_CAT_RULE_APPEARS_TWICE] = "quy tắc %s xuất hiện hai lần",
    [PS_M_CAT_UNIT_HAS_NO_PARENT] = "đơn vị %s không có đơn vị cấp trên, nhưng %s (dòng %ld) đã là đơn vị cao nhất: chỉ một đơn vị được phép không có cấp trên",
    [PS_M_CAT_PARENT_NOT_UNIT] = "đơn vị cấp trên %s không phải là một đơn vị trong danh mục",
    [PS_M_CAT_UNIT_BUT_PARENT_CHILD] = "đơn vị %1$s thuộc cấp %2$s nhưng đơn vị cấp trên %3$s thuộc cấp %4$s: cấp của đơn vị phải thấp hơn cấp của đơn vị cấp trên",
    [PS_M_CAT_EVERY_UNIT_HAS_PARENT] = "mọi đơn vị đều có đơn vị cấp trên: một đơn vị (tỉnh) phải không có cấp trên",
    [PS_M_CAT_PARENTS_FORM_CYCLE] = "quan hệ cấp trên tạo thành vòng lặp: %s",
    [PS_M_CAT_UNIT_VALID_FROM_AFTER] = "đơn vị %s có hiệu lực từ %s, sau thời điểm kết thúc %s",
    [PS_M_CAT_SUCCESSOR_UNIT_NOT_UNIT] = "đơn vị kế thừa %s của đơn vị %s không phải là một đơn vị trong danh mục",
    [PS_M_CAT_UNIT_CANNOT_OWN_SUCCESSOR] = "đơn vị %s không thể là đơn vị kế thừa của chính nó",
    [PS_M_CAT_UNIT_NAMES_SUCCESSOR_BUT] = "đơn vị %s có đơn vị kế thừa nhưng không có valid_to: chỉ đơn vị đã kết thúc mới có đơn vị kế thừa",
    [PS_M_CAT_SUCCESSOR_NOT_VALID_AFTER] = "đơn vị kế thừa %1$s không có hiệu lực trong kỳ %2$s, sau khi đơn vị %3$s kết thúc",
    [PS_M_CAT_FORMULA_NAMES_WHICH_NOT] = "công thức của %s dùng %s, không phải là chỉ tiêu trong danh mục; có phải ý bạn là %s?",
    [PS_M_CAT_FORMULA_NAMES_WHICH_NOT_2] = "công thức của %s dùng %s, không phải là chỉ tiêu trong danh mục",
    [PS_M_CAT_WEIGHT_NOT_INDICATOR] = "quyền số %s của %s không phải là chỉ tiêu trong danh mục",
    [PS_M_CAT_CANNOT_WEIGHTED_ITSELF] = "%s không thể lấy chính nó làm quyền số",
    [PS_M_CAT_USES_PER_CAPITA_BUT] = "%s dùng per_capita, nhưng danh mục không có chỉ tiêu POP",
    [PS_M_CAT_FORMULA_DEPENDS_ITSELF] = "công thức của %s phụ thuộc vào chính nó: %s",
    [PS_M_CAT_RULE_USES_PER_CAPITA] = "quy tắc %s dùng per_capita, nhưng danh mục không có chỉ tiêu POP",
    [PS_M_CAT_SCOPE_UNIT_REPORTER_NOT] = "đơn vị phạm vi %s của đơn vị báo cáo %s không phải là một đơn vị trong danh mục",
    [PS_M_CAT_REPORT_LEVEL_REPORTER_ABOVE] = "report_level %1$s của đơn vị báo cáo %2$s cao hơn đơn vị phạm vi %3$s (cấp %4$s)",
    [PS_M_CAT_REPORTER_HAS_EMPTY_INDICATOR] = "đơn vị báo cáo %s có danh sách chỉ tiêu trống: hãy liệt kê các mã, cách nhau bằng ; hoặc ghi *",
    [PS_M_CAT_REPORTER_LISTS_WHICH_NOT] = "đơn vị báo cáo %s liệt kê %s, không phải là chỉ tiêu trong danh mục",
    [PS_M_CAT_REPORTER_LISTS_DERIVED_INDICATOR] = "đơn vị báo cáo %s liệt kê %s, là chỉ tiêu tính toán: chỉ tiêu tính toán do chương trình tính, không được gửi",
    [PS_M_CAT_CATALOG_HAS_NO_UNITS] = "danh mục không có đơn vị nào",
    [PS_M_CAT_RULE_DOES_NOT_HOLD] = "quy tắc %s không thỏa mãn với đơn vị %s trong kỳ %s: %s %s %s là %s %s %s%s%s",
    [PS_M_EMPTY_VALUE] = "(trống)",
    /* core/csv.c */
    [PS_M_CSV_TEXT_NOT_VALID_UTF] = "văn bản không phải UTF-8 hợp lệ (byte 0x%02X); nếu tệp được lưu bằng Excel tiếng Việt đời cũ, hãy dùng --encoding cp1258",
    [PS_M_CSV_CANNOT_READ] = "không đọc được %s: %s",
    [PS_M_CSV_LINE] = "%s (ở dòng %ld)",
    [PS_M_CSV_QUOTED_FIELD_THAT_STARTS] = "một trường trong ngoặc kép bắt đầu ở dòng %ld vẫn chưa đóng sau %d MiB (thiếu dấu \" đóng?)",
    [PS_M_CSV_RECORD_LONGER_THAN_MIB] = "bản ghi dài hơn %d MiB",
    [PS_M_CSV_QUOTED_FIELD_THAT_STARTS_2] = "một trường trong ngoặc kép bắt đầu ở dòng này không bao giờ được đóng (thiếu dấu \" đóng)",
    [PS_M_CSV_QUOTED_FIELD_THAT_STARTS_3] = "một trường trong ngoặc kép bắt đầu ở dòng %ld không bao giờ được đóng (thiếu dấu \" đóng)",
    [PS_M_CSV_CSV_DELIMITER_MUST_TAB] = "ký tự phân cách CSV phải là ',', ';' hoặc tab",
    [PS_M_CSV_CANNOT_OPEN] = "không mở được %s: %s",
    /* core/text.c */
    [PS_M_TEXT_UNKNOWN_ENCODING] = "bảng mã không xác định: %s",
    [PS_M_TEXT_TEXT_COULD_NOT_CONVERTED] = "không chuyển đổi được văn bản %s",
    [PS_M_TEXT_TEXT_NOT_VALID_BYTE] = "văn bản không phải %s hợp lệ (byte 0x%02X ở vị trí %lld)",
    [PS_M_TEXT_TEXT_ENDS_MIDDLE_CHARACTER] = "văn bản %s kết thúc giữa chừng một ký tự (vị trí %lld)",
    [PS_M_TEXT_TEXT_COULD_NOT_CONVERTED_2] = "không chuyển đổi được văn bản %s ở vị trí %lld",
    [PS_M_TEXT_TEXT_COULD_NOT_CONVERTED_3] = "không chuyển đổi được văn bản %s: %s",
    /* core/number.c */
    [PS_M_NUM_WITH_NUMBER_FORMAT_READS] = "%s với --number-format %s thì đọc là %s",
    [PS_M_NUM_TOO_LONG_NUMBER] = "%s quá dài, không phải là số",
    [PS_M_NUM_HAS_SIGN_BUT_INDICATOR] = "%s có dấu %%, nhưng đơn vị tính của chỉ tiêu không phải là %%",
    [PS_M_NUM_AMBIGUOUS_PLAIN_NUMBER_VIETNAMESE] = "%1$s không rõ nghĩa: đọc như số viết thường là %2$s, đọc theo cách nhóm chữ số tiếng Việt là %3$s; chỉ tiêu có %4$d chữ số thập phân%5$.0s. Hãy viết %6$s hoặc dùng --number-format vi",
    [PS_M_NUM_TOO_LARGE_NUMBER] = "%s quá lớn, không phải là số",
    [PS_M_NUM_NOT] = "%s không phải là %s",
    [PS_M_NUM_DIGIT_GROUPS_MUST_HAVE] = " (mỗi nhóm chữ số phải có ba chữ số)",
    [PS_M_NUM_DESC_VI] = "số viết theo kiểu Việt Nam (--number-format vi)",
    [PS_M_NUM_DESC_EN] = "số viết theo kiểu tiếng Anh (--number-format en)",
    [PS_M_NUM_DESC_PLAIN] = "số viết liền, dấu chấm thập phân (như 1234.5)",
    /* core/period.c */
    [PS_M_PER_NOT_PERIOD_WRITE_YEAR] = "'%s' không phải là kỳ báo cáo: hãy viết năm (2016), 6 tháng (2016-S1), quý (2016-Q3), tháng (2016-07) hoặc lũy kế từ đầu năm (2016-YTD07)",
    [PS_M_PER_YEAR_HAS_TOO_MANY] = "năm có quá nhiều chữ số: năm phải từ 1900 đến 2100",
    [PS_M_PER_YEAR_OUTSIDE] = "năm %ld nằm ngoài khoảng 1900 đến 2100",
    [PS_M_PER_MONTH_DOES_NOT_EXIST] = "không có tháng %ld: tháng từ 01 đến 12",
    [PS_M_PER_QUARTER_DOES_NOT_EXIST] = "không có quý %ld: quý từ Q1 đến Q4",
    [PS_M_PER_HALF_DOES_NOT_EXIST] = "không có nửa năm %ld: chỉ có S1 và S2",
    [PS_M_PER_YEAR_DATE_YTD_DOES] = "không có kỳ lũy kế YTD%02ld: lũy kế từ đầu năm là YTD01 đến YTD12 (YTD12 là cả năm)",
    [PS_M_PER_LOOKS_LIKE_DATE_THAT] = "%s trông như một ngày do Excel tự đổi từ kỳ báo cáo; hãy viết kỳ báo cáo là %ld-%02d hoặc %ld-%02d",
    [PS_M_PER_LOOKS_LIKE_DATE_THAT_2] = "%s trông như một ngày do Excel tự đổi từ kỳ báo cáo; hãy viết kỳ báo cáo là %ld-%02d",
    [PS_M_PER_ONLY_SDMX_TIME_RANGES] = "chỉ chấp nhận khoảng thời gian SDMX bắt đầu từ ngày 1 tháng 1, ví dụ %ld-01-01/P7M (tháng 1 đến tháng 7)",
    [PS_M_PER_SDMX_DURATION_P_C] = "khoảng thời gian SDMX P%.*s%s%c không phải là lũy kế từ đầu năm: hãy viết P1M đến P12M, hoặc P1Y cho cả năm",
    [PS_M_PER_PERIOD_EMPTY] = "kỳ báo cáo để trống",
    [PS_M_PER_LOOKS_LIKE_EXCEL_DATE] = "%s trông như số ngày tháng của Excel (%ld-%02d-%02d); hãy viết kỳ báo cáo là %ld-%02d",
    [PS_M_PER_NOT_PERIOD_WRITE_PERIOD] = "%ld không phải là kỳ báo cáo; hãy viết kỳ báo cáo là %ld-%02ld",
    [PS_M_PER_NOT_ACCEPTED_SDMX_TIME] = "%s không phải là khoảng thời gian SDMX được chấp nhận: hãy viết như 2016-01-01/P7M (lũy kế từ ngày 1 tháng 1)",
    /* core/formula.c */
    [PS_M_FML_NUMBER_BADLY_WRITTEN_CHARACTER] = "số viết sai ở ký tự thứ %zu: %.*s (hãy viết số 0 trước dấu '.')",
    [PS_M_FML_NUMBER_BADLY_WRITTEN_CHARACTER_2] = "số viết sai ở ký tự thứ %zu: %.*s",
    [PS_M_FML_NUMBER_CHARACTER_TOO_LARGE] = "số %.*s ở ký tự thứ %zu quá lớn",
    [PS_M_FML_UNEXPECTED_CHARACTER_CHARACTER_DECIMAL] = "ký tự ',' không hợp lệ ở ký tự thứ %zu: dấu thập phân trong công thức là '.'",
    [PS_M_FML_UNEXPECTED_CHARACTER_CHARACTER] = "ký tự '%.*s' không hợp lệ ở ký tự thứ %zu",
    [PS_M_FML_UNEXPECTED_CHARACTER_C_CHARACTER] = "ký tự '%c' không hợp lệ ở ký tự thứ %zu",
    [PS_M_FML_UNEXPECTED_CONTROL_CHARACTER_X] = "ký tự điều khiển 0x%02X không hợp lệ ở ký tự thứ %zu",
    [PS_M_FML_FORMULA_TOO_LONG_CHARACTER] = "công thức quá dài ở ký tự thứ %zu: có hơn %d phép tính liên tiếp",
    [PS_M_FML_MISSING_OPERAND_BEFORE_C] = "thiếu toán hạng trước '%c' ở ký tự thứ %zu",
    [PS_M_FML_FORMULA_EMPTY] = "công thức để trống",
    [PS_M_FML_UNEXPECTED_C_CHARACTER] = "'%c' không hợp lệ ở ký tự thứ %zu",
    [PS_M_FML_MISSING_OPERAND_AFTER_C] = "thiếu toán hạng sau '%c' ở ký tự thứ %zu",
    [PS_M_FML_EXPECTED_CHARACTER_CLOSE_CHARACTER] = "cần ')' ở ký tự thứ %zu để đóng dấu '(' ở ký tự thứ %zu",
    [PS_M_FML_FORMULA_NESTED_TOO_DEEPLY] = "công thức lồng nhau quá sâu ở ký tự thứ %zu: tối đa %d cấp ngoặc, hàm và dấu",
    [PS_M_FML_UNEXPECTED_CHARACTER] = "')' không hợp lệ ở ký tự thứ %zu",
    [PS_M_FML_UNEXPECTED_CHARACTER_EXPECTED_OPERATOR] = "'(' không hợp lệ ở ký tự thứ %zu: cần một phép toán",
    [PS_M_FML_UNEXPECTED_CHARACTER_EXPECTED_OPERATOR_2] = "%.*s không hợp lệ ở ký tự thứ %zu: cần một phép toán",
    [PS_M_FML_UNKNOWN_FUNCTION] = "hàm %.*s ở ký tự thứ %zu không xác định: các hàm là %s",
    /* ingest/row.c */
    [PS_M_ROW_ROW_HAS_FIELDS_BUT] = "dòng có %zu trường nhưng dòng tiêu đề có %zu cột (thiếu hoặc thừa dấu phân cách?)",
    [PS_M_ROW_FLAG_NOT_KNOWN_IGNORED] = "cờ \"%s\" không xác định, được bỏ qua",
    [PS_M_ROW_UNIT_EMPTY] = "đơn vị để trống",
    [PS_M_ROW_UNIT_NOT_UNIT_LOOKS] = "đơn vị %s không phải là đơn vị của %s; có vẻ đây là %s bị mất các số 0 ở đầu (Excel làm vậy với mã: hãy định dạng cột là văn bản)",
    [PS_M_ROW_UNIT_NOT_UNIT_DID] = "đơn vị %s không phải là đơn vị của %s; có phải ý bạn là %s?",
    [PS_M_ROW_UNIT_NOT_UNIT] = "đơn vị %s không phải là đơn vị của %s",
    [PS_M_ROW_UNIT_OUTSIDE_SCOPE_REPORTER] = "đơn vị %s nằm ngoài phạm vi của đơn vị báo cáo %s (%s), đơn vị này báo cáo cho %s",
    [PS_M_ROW_INDICATOR_EMPTY] = "chỉ tiêu để trống",
    [PS_M_ROW_INDICATOR_NOT_CATALOG_DID] = "chỉ tiêu %s không có trong danh mục; có phải ý bạn là %s (%s)?",
    [PS_M_ROW_INDICATOR_NOT_CATALOG_SEE] = "chỉ tiêu %s không có trong danh mục (xem `provstat catalog indicators`)",
    [PS_M_ROW_DERIVED_COMPUTED_PROVSTAT_NEVER] = "%s là chỉ tiêu tính toán (%s): provstat tự tính, không được gửi; hãy xóa dòng này",
    [PS_M_ROW_REPORTER_MAY_NOT_SEND] = "đơn vị báo cáo %s không được gửi %s: danh sách chỉ tiêu của đơn vị là %s",
    [PS_M_ROW_UNIT_DID_NOT_EXIST] = "đơn vị %s không tồn tại trong kỳ %s: đơn vị đã kết thúc vào %s và được sáp nhập vào %s",
    [PS_M_ROW_UNIT_DID_NOT_EXIST_2] = "đơn vị %s không tồn tại trong kỳ %s (có hiệu lực từ %s đến %s)",
    [PS_M_ROW_REPORTED_SHORTER_THAN_THAT] = "%1$s được báo cáo theo kỳ %2$s: %3$s ngắn hơn kỳ đó (hãy gửi giá trị theo kỳ %4$s)",
    [PS_M_ROW_MEASURE_MUST_ACTUAL_PLAN] = "measure \"%s\" phải là actual (thực hiện) hoặc plan (kế hoạch)",
    [PS_M_ROW_STATUS_MUST_OFFICIAL_P] = "status \"%s\" phải là A (chính thức), P (sơ bộ) hoặc E (ước tính)",
    [PS_M_ROW_VALUE_NO_STATISTIC_PROVINCE] = "giá trị %s %s: không có số liệu thống kê nào của tỉnh như vậy; hãy kiểm tra lại con số và đơn vị tính",
    [PS_M_ROW_VALUE_BELOW_MINIMUM] = "giá trị %s nhỏ hơn mức tối thiểu %s của %s",
    [PS_M_ROW_VALUE_ABOVE_MAXIMUM] = "giá trị %s lớn hơn mức tối đa %s của %s",
    [PS_M_ROW_COVERAGE_MUST_NUMBER_FROM] = "coverage \"%s\" phải là số từ 0 đến 1 (tỷ lệ các thành phần của giá trị đã được báo cáo, như `export --format long` ghi ra), hoặc để trống",
    [PS_M_ROW_EXPORTED_VALUE_HAD_COVERAGE] = "giá trị xuất ra có độ bao phủ %s (dưới 1): được lưu với cờ incomplete-source",
    [PS_M_ROW_WAS_FIRST_SENT_ONLY] = "giá trị %s %s %s do %s (%s) gửi trước: chỉ đơn vị báo cáo đó được sửa (dùng --force để sửa đè; việc sửa đè được ghi lại)",
    [PS_M_ROW_CLOSED_OFFICIAL_FIGURES_ARE] = "kỳ %s của %s đã khóa sổ: số liệu chính thức đã chốt (dùng --force nếu vẫn cần sửa, việc sửa đè được ghi lại; hoặc `provstat reopen`)",
    [PS_M_ROW_APPEARS_TWICE_FILE_FIRST] = "%s %s %s %s xuất hiện hai lần trong tệp (lần đầu ở dòng %ld)",
    [PS_M_ROW_ALWAYS] = "trước đây",
    [PS_M_ROW_NOW] = "nay",
    [PS_M_ROW_TOO_LARGE] = "quá lớn (độ lớn trên 10^15)",
    [PS_M_ROW_TOO_SMALL] = "quá nhỏ (độ lớn dưới 10^-9 mà không bằng 0)",
    [PS_M_ROW_ANOTHER_REPORTER] = "một đơn vị báo cáo khác",
    [PS_M_ROW_BELOW_ONE] = "dưới 1",
    [PS_M_PASS] = "%s",
    /* ingest/header.c */
    [PS_M_HDR_COLUMN_NOT_SUBMISSION_COLUMN] = "cột \"%s\" không phải là cột của tệp số liệu báo cáo, được bỏ qua",
    [PS_M_HDR_COLUMN_APPEARS_TWICE_HEADER] = "cột %s xuất hiện hai lần trong dòng tiêu đề (cả ở cột %d)",
    [PS_M_HDR_NO_UNIT] = "dòng tiêu đề không có cột unit (hoặc ma_don_vi); hãy thêm cột này hoặc dùng --unit CODE",
    [PS_M_HDR_NO_INDICATOR] = "dòng tiêu đề không có cột indicator (hoặc ma_chi_tieu)",
    [PS_M_HDR_NO_PERIOD] = "dòng tiêu đề không có cột period (hoặc ky); hãy thêm cột này hoặc dùng --period P",
    [PS_M_HDR_NO_VALUE] = "dòng tiêu đề không có cột value (hoặc gia_tri)",
    /* cli/cmd_ingest.c */
    [PS_M_ING_BYTES] = "\r%s: %lld byte",
    [PS_M_ING_ALREADY_INGESTED_SUBMISSION_NOTHING] = "%s: đã nạp trước đây (lần gửi %lld): không có gì thay đổi\n",
    [PS_M_ING_ROW_READ_ERROR_FILE] = "%1$s: đọc %2$ld dòng%3$.0s, %4$zu lỗi%5$.0s; tệp bị từ chối: không lưu gì%6$s\n",
    [PS_M_ING_ROW_READ_NEW_REVISED] = "%1$s: đọc %2$ld dòng%3$.0s, %4$ld mới, %5$ld sửa đổi, %6$ld không đổi",
    [PS_M_ING_STORED] = " (%ld '-' được lưu là 0)",
    [PS_M_ING_NOT_COLLECTED_X_EMPTY] = ", %ld không thu thập (%ld '..', %ld 'x', %ld để trống)",
    [PS_M_ING_DERIVED_SKIPPED] = ", bỏ qua %ld chỉ tiêu tính toán",
    [PS_M_ING_FORCED] = ", %ld sửa đè",
    [PS_M_ING_REFUSED] = ", %ld bị từ chối",
    [PS_M_ING_DRY_RUN_NOTHING_STORED] = "; chạy thử: không lưu gì\n",
    [PS_M_ING_FILE_REFUSED_NOTHING_STORED] = "; tệp bị từ chối: không lưu gì%s\n",
    [PS_M_ING_STORED_SUBMISSION] = "; đã lưu thành lần gửi %lld\n",
    [PS_M_ING_NOTHING_STORE] = "; không có gì để lưu\n",
    [PS_M_ING_NUMBER_FORMAT_USE_PLAIN] = "--number-format %s: hãy dùng plain, vi hoặc en",
    [PS_M_ING_ENCODING_USE_UTF_CP] = "--encoding %s: hãy dùng utf-8 hoặc cp1258",
    [PS_M_ING_RECEIVED_WRITE_DATE_YYYY] = "--received %s: hãy viết ngày theo dạng YYYY-MM-DD",
    [PS_M_ING_RECEIVED_THERE_NO_SUCH] = "--received %s: không có ngày này trong lịch",
    [PS_M_ING_REPORTER_CODE_REQUIRED_WHO] = "cần có --reporter CODE: đơn vị báo cáo đã gửi tệp",
    [PS_M_ING_NO_FILE_INGEST] = "không có tệp nào để nạp",
    [PS_M_ING_INGEST_READS_FILES_NOT] = "ingest đọc tệp, không đọc từ đầu vào chuẩn: hãy lưu ra tệp trước",
    [PS_M_ING_PROVSTAT_ERRORS_CSV_WAS] = "provstat: tệp CSV lỗi %s không được ghi, nhưng số liệu đã nạp vẫn được lưu: %s\n",
    [PS_M_ING_USE_PARTIAL] = " (dùng --partial để lưu các dòng đúng)",
    [PS_M_ING_SUBMISSION_OF] = "lần gửi %lld (%s)",
    /* cli/cmd_init.c */
    [PS_M_CLI_UNEXPECTED_ARGUMENT] = "tham số thừa: %s",
    [PS_M_INIT_CATALOG_DIR_REQUIRED] = "cần có --catalog DIR",
    [PS_M_INIT_PROVSTAT_CATALOG_REFUSED_ERROR] = "provstat: danh mục %1$s bị từ chối: %2$zu lỗi%3$.0s; không có gì thay đổi\n",
    [PS_M_INIT_PROVSTAT_CATALOG_REFUSED_CONTRADICTS] = "provstat: danh mục %s bị từ chối: danh mục mâu thuẫn với số liệu đã lưu trong %s; không có gì thay đổi\n",
    [PS_M_INIT_CATALOG_LOADED_INTO_UNITS] = "đã nạp danh mục %s vào %s: %zu đơn vị, %zu đơn vị báo cáo, %zu chỉ tiêu, %zu quy tắc kiểm tra\n",
    /* cli/cmd_catalog.c */
    [PS_M_CATL_FORMAT_USE_TABLE_CSV] = "--format %s: hãy dùng table, csv hoặc json",
    [PS_M_CATL_SAY_WHAT_LIST_UNITS] = "hãy cho biết cần liệt kê gì: units, reporters, indicators hoặc rules",
    [PS_M_CATL_NOT_LIST_USE_UNITS] = "%s không phải là danh sách: hãy dùng units, reporters, indicators hoặc rules",
    /* cli/opts.c */
    [PS_M_OPT_OPTION_NEEDS_VALUE] = "tùy chọn %s cần một giá trị",
    /* cli/common.c */
    [PS_M_CLI_PROVSTAT_NOTE_COMPUTED_ROLL] = "provstat: lưu ý: các số tổng hợp đã tính không được giữ lại cho lệnh sau (%s)\n",
    [PS_M_CLI_PROVSTAT_ERRORS_CSV] = "provstat: %s (--errors-csv)\n",
    [PS_M_CLI_PERIOD_P_REQUIRED] = "cần có --period P",
    [PS_M_CLI_PROVSTAT_WARNING_STORED_BUT] = "provstat: cảnh báo: %s: đã lưu, nhưng không cập nhật được các số tổng hợp đang giữ (%s); lần truy vấn sau sẽ tính lại\n",
    [PS_M_CLI_UNIT_NOT_UNIT_CATALOG] = "--unit %s không phải là đơn vị trong danh mục (có phải ý bạn là %s, %s?)",
    [PS_M_CLI_UNIT_NOT_UNIT_CATALOG_2] = "--unit %s không phải là đơn vị trong danh mục",
    [PS_M_CLI_MORE_ERRORS] = "... và %1$zu lỗi khác%2$.0s%3$s\n",
    [PS_M_CLI_MORE_WARNINGS] = "... và %1$zu cảnh báo khác%2$.0s%3$s\n",
    [PS_M_CLI_MORE_HINT] = " (dùng --errors-csv FILE để xem tất cả)",
    /* cli/cmd_ingest.c: --bom */
    [PS_M_ING_BOM_WITHOUT_ERRORS_CSV] = "--bom chỉ dùng cùng --errors-csv FILE (dấu BOM cho Excel)",
    /* core/safefile.c */
    [PS_M_SAFE_CANNOT_WRITE] = "không ghi được %s: %s",
    [PS_M_SAFE_CANNOT_WRITE_NOT_REGULAR] = "không ghi được %s: đó là %s, không phải tệp thông thường; hãy chỉ ra một tệp để ghi",
    [PS_M_SAFE_CANNOT_WRITE_NO_RANDOM] = "không ghi được %s: không tạo được tên ngẫu nhiên cho tệp tạm: %s",
    [PS_M_SAFE_CANNOT_WRITE_CANNOT_CREATE] = "không ghi được %s: không tạo được tệp trong thư mục %s: %s",
    [PS_M_SAFE_CANNOT_WRITE_NO_FREE] = "không ghi được %s: không còn tên tệp tạm nào trống trong %s",
    [PS_M_SAFE_NO_OUTPUT_FILE_NAMED] = "chưa nêu tên tệp cần ghi",
    [PS_M_SAFE_CANNOT_WRITE_PATH_NAMES] = "không ghi được %s: đường dẫn là một thư mục; hãy nêu tên một tệp trong thư mục đó",
    [PS_M_SAFE_CANNOT_WRITE_TEMPORARY_FILE] = "không ghi được %s: tệp tạm %s đã bị xóa hoặc bị thay thế trong khi đang ghi",
    [PS_M_SAFE_CANNOT_WRITE_CANNOT_RENAME] = "không ghi được %s: không đổi được tên %s thành tên này: %s",
    [PS_M_SAFE_WAS_WRITTEN_BUT_FOLDER] = "đã ghi %s, nhưng không đồng bộ được thư mục %s xuống đĩa (%s): mất điện có thể làm mất tệp",
    [PS_M_SAFE_KIND_FOLDER] = "một thư mục",
    [PS_M_SAFE_KIND_CHAR] = "một thiết bị ký tự",
    [PS_M_SAFE_KIND_BLOCK] = "một thiết bị khối",
    [PS_M_SAFE_KIND_FIFO] = "một FIFO (đường ống có tên)",
    [PS_M_SAFE_KIND_SOCKET] = "một socket",
    [PS_M_SAFE_KIND_OTHER] = "không phải tệp thông thường",
    /* core/hash.c */
    [PS_M_HASH_SHA_NOT_AVAILABLE_FROM] = "OpenSSL không cung cấp SHA-256",
    /* store/db.c */
    [PS_M_DB_DATABASE_LOCKED_ANOTHER_PROVSTAT] = "cơ sở dữ liệu %s đang bị một tiến trình provstat khác khóa (%s); hãy thử lại khi tiến trình đó xong",
    [PS_M_DB_DATABASE_DISK_FULL_FREE] = "cơ sở dữ liệu %s: ổ đĩa đã đầy (%s); hãy giải phóng dung lượng rồi thử lại",
    [PS_M_DB_NOT_PROVSTAT_DATABASE_DAMAGED] = "%s không phải là cơ sở dữ liệu provstat hoặc đã bị hỏng: %s",
    [PS_M_DB_DATABASE] = "cơ sở dữ liệu %s: %s (%s)",
    [PS_M_DB_DATABASE_WAS_MADE_NEWER] = "cơ sở dữ liệu %s do một phiên bản provstat mới hơn tạo ra (lược đồ %d, phiên bản này chỉ biết %d): hãy nâng cấp provstat",
    [PS_M_DB_SQLITE_FILE_BUT_NOT] = "%s là tệp SQLite nhưng không phải cơ sở dữ liệu provstat",
    [PS_M_DB_CANNOT_OPEN_DATABASE] = "không mở được cơ sở dữ liệu %s: %s",
    [PS_M_DB_DATABASE_DOES_NOT_EXIST] = "cơ sở dữ liệu %s chưa có: hãy tạo bằng `provstat --db %s init --catalog DIR`",
    [PS_M_DB_DATABASE_FOLDER_NOT_FILE] = "cơ sở dữ liệu %s là một thư mục, không phải tệp",
    [PS_M_DB_CANNOT_CREATE_DATABASE_FOLDER] = "không tạo được cơ sở dữ liệu %s: thư mục %s không tồn tại",
    [PS_M_DB_DATABASE_NETWORK_SHARE_SQLITE] = "cơ sở dữ liệu %s nằm trên ổ mạng dùng chung (%s): nhật ký ghi trước (WAL) của SQLite không hoạt động ở đó; hãy để cơ sở dữ liệu trên ổ đĩa của máy",
    [PS_M_DB_CANNOT_READ_DATABASE_SQLITE] = "không đọc được cơ sở dữ liệu %s: SQLite cần tạo %s-shm bên cạnh nhưng bạn không có quyền ghi vào thư mục; hãy xin quyền ghi vào thư mục, hoặc làm việc trên một bản sao (provstat --db BẢN_SAO ...)",
    [PS_M_DB_NOT_PROVSTAT_DATABASE_CREATE] = "%s không phải là cơ sở dữ liệu provstat: hãy tạo bằng `provstat --db %s init --catalog DIR`",
    [PS_M_DB_CANNOT_WRITE_BACKUP] = "không ghi được bản sao lưu %s: %s",
    [PS_M_DB_BACKUP_FAILED] = "sao lưu vào %s không thành công: %s",
    /* store/dbcatalog.c */
    [PS_M_DBC_HAS_STORED_DATA_CANNOT] = "%s %s đã có số liệu lưu nên không được bỏ khỏi danh mục; hãy đưa lại vào %s",
    [PS_M_DBC_INDICATOR_HAS_STORED_DATA] = "chỉ tiêu %s đã có số liệu lưu: không được đổi %s từ %s sang %s",
    [PS_M_DBC_DATABASE_HAS_NO_CATALOG] = "cơ sở dữ liệu %s chưa có danh mục: hãy chạy `provstat init --catalog DIR` trước",
    [PS_M_DBC_CATALOG_STORED_CONTRADICTS_ITSELF] = "danh mục lưu trong %s tự mâu thuẫn: %s",
    [PS_M_DBC_WHAT_UNIT] = "đơn vị",
    [PS_M_DBC_WHAT_REPORTER] = "đơn vị báo cáo",
    [PS_M_DBC_WHAT_INDICATOR] = "chỉ tiêu",
    /* store/rollup.c */
    [PS_M_RLP_NOT_PROVSTAT_DATABASE_DAMAGED] = "%s không phải là cơ sở dữ liệu provstat hoặc đã bị hỏng: không có thế hệ số liệu",
    /* aggregate/check.c */
    [PS_M_CHK_SUBMITTED_TOTAL_DIFFERS_FROM] = "%1$s %2$s: tổng số đã gửi %3$s lệch %5$.1f%% so với tổng cộng từ các thành phần %4$s%6$s",
    [PS_M_CHK_PARTS_INCOMPLETE] = " (các thành phần chưa đủ)",
    /* aggregate/engine.c */
    [PS_M_ENG_ROLL_UPS_COMPUTED_AGAIN] = "các số tổng hợp tính lại không được giữ: một phép tính đã lỗi trước đó",
    /* indicators/trend.c */
    [PS_M_TRD_FROM_MUST_BOTH_PERIODS] = "--from và --to đều phải là kỳ báo cáo",
    [PS_M_TRD_FROM_ARE_NOT_SAME] = "--from %s và --to %s không cùng loại kỳ",
    [PS_M_TRD_TREND_RUNS_OVER_MONTHS] = "xu thế tính theo tháng, quý, 6 tháng hoặc năm, không theo kỳ lũy kế từ đầu năm (%s)",
    [PS_M_TRD_FROM_AFTER] = "--from %s ở sau --to %s",
    [PS_M_TRD_REPORTED_TREND_RUNS_OVER] = "%1$s được báo cáo theo kỳ %2$s: xu thế của chỉ tiêu này tính theo kỳ %3$s hoặc dài hơn, không theo kỳ %4$s",
    [PS_M_TRD_NO_UNIT_NUMBER_CATALOG] = "không có đơn vị số %d trong danh mục",
    [PS_M_TRD_NO_INDICATOR_NUMBER_CATALOG] = "không có chỉ tiêu số %d trong danh mục",
    /* ingest/history.c */
    [PS_M_HIS_OUTLIER_AGAINST_UNIT_EARLIER] = "%s %s %s = %s bất thường so với %zu giá trị trước đây của đơn vị (z-score hiệu chỉnh %.1f > 3,5): hãy kiểm tra lại",
    [PS_M_HIS_F_SAME_PERIOD_LAST] = "%1$s %2$s %3$s = %4$s thay đổi %5$s%6$.0f%% so với cùng kỳ năm trước (%7$s): hãy kiểm tra lại",
    /* cli/cmd_show.c */
    [PS_M_SHOW_BOM_GOES_WITH_FORMAT] = "--bom chỉ dùng cùng --format csv (dấu BOM cho Excel)",
    [PS_M_CLI_INDICATOR_NOT_IN_CATALOG] = "--indicator %s không phải là chỉ tiêu trong danh mục",
    /* cli/cmd_check.c */
    [PS_M_CHECK_CHECK_ERROR_WARNING] = "kiểm tra %1$s: %2$zu lỗi%3$.0s, %4$zu cảnh báo%5$.0s\n",
    /* cli/cmd_trend.c */
    [PS_M_TREND_FORMAT_USE_TABLE_JSON] = "--format %s: hãy dùng table hoặc json",
    [PS_M_TREND_INDICATOR_FROM_ARE_REQUIRED] = "cần có --indicator, --from và --to",
    [PS_M_TREND_HEADING] = "%s %s (%s), %s %s, %s đến %s\n",
    /* cli/cmd_export.c */
    [PS_M_EXP_FORMAT_USE_LONG_WIDE] = "--format %s: hãy dùng long, wide hoặc sdmx",
    [PS_M_EXP_LEVEL_USE_NATION_REGION] = "--level %s: hãy dùng nation, region, province, district hoặc commune",
    [PS_M_EXP_ONLY_UNIT_KNOWN] = "--by %s: chỉ có --by unit",
    [PS_M_EXP_GIVE_EITHER_PERIOD_P] = "chỉ dùng một trong hai: --period P hoặc --from P --to P",
    [PS_M_EXP_PERIOD_P_FROM_P] = "cần có --period P (hoặc --from P --to P)",
    [PS_M_EXP_NEEDS_TOO] = "%s cần có cả %s",
    [PS_M_EXP_FORMAT_LONG_WIDE_SDMX] = "cần có --format long|wide|sdmx",
    [PS_M_EXP_OUT_FILE_REQUIRED_STANDARD] = "cần có --out FILE (- để ghi ra đầu ra chuẩn)",
    [PS_M_EXP_UNIT_APPLIES_FORMAT_WIDE] = "--by unit chỉ dùng với --format wide",
    [PS_M_EXP_FROM_ARE_NOT_SAME] = "--from %s và --to %s không cùng loại kỳ (%s và %s)",
    [PS_M_EXP_COMES_BEFORE_FROM] = "--to %s ở trước --from %s",
    [PS_M_EXP_UNIT_SINGLE_PERIOD_USE] = "--by unit dành cho một kỳ: hãy dùng --period P",
    [PS_M_EXP_ROWS] = "%s: %ld dòng (%s, %s đến %s)\n",
    [PS_M_EXP_ROWS_2] = "%s: %ld dòng (%s, %s)\n",
    /* core/csv.c: texts passed on */
    [PS_M_CSV_TEXT_AFTER_QUOTE] = "có ký tự sau dấu ngoặc kép đóng của một trường trong ngoặc kép; dấu ngoặc kép bên trong trường phải được viết đôi (\"\")",
    [PS_M_CSV_STRAY_QUOTE] = "có dấu ngoặc kép bên trong một trường không bắt đầu bằng dấu ngoặc kép; hãy đặt cả trường trong ngoặc kép và viết đôi dấu ngoặc kép (\"\")",
    [PS_M_CSV_NUL_BYTE] = "văn bản có byte NUL (tệp là UTF-16? hãy lưu lại dưới dạng CSV UTF-8); phần sau dòng này không được đọc",
    [PS_M_CSV_UTF16] = "tệp là UTF-16 (\"Unicode Text\" của Excel); hãy lưu lại dưới dạng CSV UTF-8",
    /* ingest/retract.c */
    /* ingest/period_lock.c */
    [PS_M_LOCK_WAS_NOT_CLOSED_NOTHING] = "kỳ %s chưa khóa sổ cho %s: không có gì để mở lại (khóa sổ được mở lại bằng đúng --period và --unit đã dùng khi khóa)",
    /* ingest/ingest.c */
    [PS_M_INGF_REPORTER_NOT_CATALOG_SEE] = "đơn vị báo cáo %s không có trong danh mục (xem `provstat catalog reporters`)",
    [PS_M_INGF_PERIOD] = "--period %s: %s",
    /* cli/cmd_data.c */
    [PS_M_DATA_UNKNOWN_OPTION_FORMAT] = "tùy chọn không xác định: --format",
    [PS_M_DATA_UNIT_INDICATOR_PERIOD_ARE] = "cần có --unit, --indicator và --period",
    [PS_M_DATA_MEASURE_USE_ACTUAL_PLAN] = "--measure %s: hãy dùng actual hoặc plan",
    [PS_M_DATA_HISTORY_TAKES_NO_REPORTER] = "history không nhận --reporter, --force hay --submission",
    [PS_M_DATA_NO_VALUE_STORED] = "(không có giá trị nào được lưu cho %s %s %s %s)\n",
    [PS_M_DATA_REPORTER_CODE_REQUIRED_WHO] = "cần có --reporter CODE: đơn vị báo cáo rút giá trị",
    [PS_M_DATA_REPORTER_NOT_REPORTER_CATALOG] = "--reporter %s không phải là đơn vị báo cáo trong danh mục",
    [PS_M_DATA_RETRACTED_REVISION_HAS_NO] = "đã rút %s %s %s (%s): lần sửa đổi %d không có giá trị; các giá trị trước vẫn còn trong lịch sử\n",
    [PS_M_DATA_ONLY_PERIOD_UNIT_ARE] = "chỉ được dùng --period và --unit",
    [PS_M_DATA_REOPENED] = "đã mở lại kỳ %s cho %s (%s)\n",
    [PS_M_DATA_GIVE_ONE_FILE_WRITE] = "hãy nêu một tệp để ghi bản sao lưu",
    [PS_M_DATA_BACKUP_WRITTEN] = "đã ghi bản sao lưu của %s vào %s\n",
    [PS_M_DATA_CLOSED] = "đã khóa sổ kỳ %s cho %s (%s) và mọi đơn vị cấp dưới\n",
    [PS_M_DATA_ALREADY_CLOSED] = "đã khóa sổ từ trước: kỳ %s cho %s (%s) và mọi đơn vị cấp dưới\n",
    /* cli/cmd_status.c */
    [PS_M_STATUS_REPORTING_FOR] = "Tình hình báo cáo kỳ %s\n",
    /* export/csv_out.c */
    [PS_M_XCSV_NO_PERIOD_EXPORT] = "không có kỳ báo cáo nào để xuất",
    [PS_M_XCSV_ARE_NOT_SAME_TYPE] = "%s và %s không cùng loại kỳ (%s và %s): một khoảng phải nằm giữa hai kỳ cùng loại",
    [PS_M_XCSV_RANGE_ENDS_BEFORE_STARTS] = "khoảng kết thúc (%s) trước khi bắt đầu (%s)",
    [PS_M_XCSV_ENGINE_GAVE_UNIT_THAT] = "bộ tính toán trả về %s của %s cho đơn vị %s không ghi ra được (giá trị %g, độ bao phủ %g, trạng thái %d)",
    [PS_M_XCSV_UNIT_NOT_CATALOG] = "đơn vị %s không có trong danh mục",
    [PS_M_XCSV_UNKNOWN_EXPORT_FORMAT] = "dạng xuất không xác định: %d",
    [PS_M_XCSV_UNIT_APPLIES_WIDE_FORM] = "theo đơn vị chỉ áp dụng cho dạng wide",
    [PS_M_XCSV_WIDE_FORM_UNIT_SINGLE] = "dạng wide theo đơn vị dành cho một kỳ (khoảng này có %d kỳ)",
    [PS_M_XCSV_CANNOT_WRITE_WRITE_ERROR] = "không ghi được %s: lỗi ghi",
    /* export/report_cells.c */
    [PS_M_XCELL_CANNOT_WRITE_SHEET_WOULD] = "không ghi được %s: trang %s sẽ cần hơn 1.048.576 dòng hoặc 16.384 cột, vượt giới hạn của Excel",
    [PS_M_XCELL_CANNOT_WRITE_TEXT_SHEET] = "không ghi được %s: một đoạn văn bản trên trang %s dài hơn 32.767 ký tự, vượt giới hạn của Excel",
    [PS_M_XCELL_CANNOT_WRITE_SHEET] = "không ghi được %s: %s (trang %s)",
    [PS_M_XCELL_CANNOT_WRITE_CANNOT_ADD] = "không ghi được %s: không thêm được trang %s",
    [PS_M_XLSX_NO_MEMORY_FORMATS] = "không ghi được %s: hết bộ nhớ cho định dạng",
    /* export/report_file.c */
    [PS_M_XFILE_CANNOT_WRITE_CANNOT_START] = "không ghi được %s: không khởi tạo được sổ Excel",
    /* export/sheet_district.c */
    [PS_M_XDIST_CANNOT_WRITE_KEY_INDICATORS] = "không ghi được %s: %d chỉ tiêu chủ yếu cần hơn 16.384 cột, vượt giới hạn của Excel",
    /* export/sheet_trends.c */
    [PS_M_XTRD_CANNOT_WRITE_CANNOT_ADD] = "không ghi được %s: không thêm được biểu đồ",
    [PS_M_XTRD_CANNOT_WRITE_CANNOT_ADD_2] = "không ghi được %s: không thêm được dãy số của biểu đồ",
    /* export/xlsx_report.c */
    [PS_M_XRPT_CANNOT_WRITE_DATA_ROWS] = "không ghi được %s: %zu dòng số liệu sẽ cần %d trang Dữ liệu",
    [PS_M_XRPT_LANGUAGE_USE_VI_EN] = "ngôn ngữ %s: hãy dùng vi hoặc en",
    [PS_M_XRPT_REPORT_NEEDS_VALID_PERIOD] = "báo cáo cần một kỳ báo cáo hợp lệ",
    [PS_M_XRPT_REPORT_NEEDS_UNIT_CATALOG] = "báo cáo cần một đơn vị trong danh mục",
    [PS_M_XRPT_REPORT_NEEDS_FILE_NAME] = "báo cáo cần tên tệp",
    /* cli/cmd_report.c */
    [PS_M_RPT_OUT_FILE_XLSX_REQUIRED] = "cần có --out FILE.xlsx",
    [PS_M_RPT_OUT_WORKBOOK_CANNOT_GO] = "--out -: sổ Excel không ghi ra đầu ra chuẩn được; hãy nêu tên tệp (--out FILE.xlsx)",
    [PS_M_RPT_PROVSTAT_REPORT_SOURCE_DATE] = "provstat report: SOURCE_DATE_EPOCH=%s không phải là số giây tính từ năm 1970\n",
    [PS_M_RPT_PROVSTAT_CATALOG_HAS_NO] = "provstat: danh mục chưa có đơn vị nào; hãy chạy init --catalog DIR trước\n",
    [PS_M_RPT_PROVSTAT_REPORT_WARNING_TEXT] = "provstat report: cảnh báo: %1$ld đoạn văn bản%2$.0s dài hơn 32.767 ký tự (giới hạn của Excel)%3$.0s đã bị cắt ngắn trong %4$s\n",
    /* core/alloc.c */
    [PS_M_OUT_OF_MEMORY] = "hết bộ nhớ",
    /* store/db.c: what the database was doing */
    [PS_M_DBW_PREPARING_STATEMENT] = "khi chuẩn bị câu lệnh",
    [PS_M_DBW_RUNNING_STATEMENT] = "khi chạy câu lệnh",
    [PS_M_DBW_READING_SCHEMA_VERSION] = "khi đọc phiên bản lược đồ",
    [PS_M_DBW_STARTING_WRITE_TRANSACTION] = "khi bắt đầu giao dịch ghi",
    [PS_M_DBW_COMMITTING] = "khi ghi xác nhận giao dịch",
    [PS_M_DBW_STARTING_READ] = "khi bắt đầu đọc",
    /* store/dbcatalog.c: what the database was doing */
    [PS_M_DBW_CHECKING_CATALOG_CHANGES] = "khi kiểm tra thay đổi danh mục",
    [PS_M_DBW_READING_CATALOG_ENTRIES] = "khi đọc các mục danh mục",
    [PS_M_DBW_DROPPING_CATALOG_ENTRIES] = "khi xóa các mục danh mục",
    [PS_M_DBW_SAVING_RULES] = "khi lưu quy tắc kiểm tra",
    [PS_M_DBW_READING_CATALOG] = "khi đọc danh mục",
    [PS_M_DBW_LOADING_UNITS] = "khi nạp đơn vị",
    [PS_M_DBW_LOADING_INDICATORS] = "khi nạp chỉ tiêu",
    [PS_M_DBW_LOADING_REPORTERS] = "khi nạp đơn vị báo cáo",
    [PS_M_DBW_LOADING_RULES] = "khi nạp quy tắc kiểm tra",
    /* store/obs.c: what the database was doing */
    [PS_M_DBW_STORING_VALUES] = "khi lưu các giá trị",
    [PS_M_DBW_LOOKING_UP_EARLIER_SUBMISSIONS] = "khi tìm các lần gửi trước",
    [PS_M_DBW_RECORDING_SUBMISSION] = "khi ghi nhận lần gửi",
    [PS_M_DBW_READING_STORED_VALUE] = "khi đọc một giá trị đã lưu",
    [PS_M_DBW_KEEPING_EARLIER_VALUE] = "khi giữ lại giá trị trước",
    [PS_M_DBW_STORING_VALUE] = "khi lưu một giá trị",
    [PS_M_DBW_RECORDING_OVERRIDE] = "khi ghi nhận việc sửa đè",
    [PS_M_DBW_UNDOING_VALUES] = "khi hoàn tác các giá trị",
    [PS_M_DBW_UNDOING_VALUE] = "khi hoàn tác một giá trị",
    [PS_M_DBW_RESTORING_EARLIER_VALUE] = "khi khôi phục một giá trị trước",
    [PS_M_DBW_READING_VALUES] = "khi đọc các giá trị",
    [PS_M_DBW_FINDING_LINE_VALUE] = "khi tìm dòng của một giá trị",
    [PS_M_DBW_READING_CLOSED_PERIODS] = "khi đọc các kỳ đã khóa sổ",
    [PS_M_DBW_READING_OVERRIDES] = "khi đọc các lần sửa đè",
    [PS_M_DBW_READING_LATEST_VALUES] = "khi đọc các giá trị mới nhất",
    [PS_M_DBW_READING_COVERAGE] = "khi đọc độ bao phủ",
    /* store/query.c: what the database was doing */
    [PS_M_DBW_READING_HISTORY] = "khi đọc lịch sử",
    [PS_M_DBW_READING_RECEIPTS] = "khi đọc các lần nhận",
    /* store/rollup.c: what the database was doing */
    [PS_M_DBW_READING_KEPT_ROLL_UPS] = "khi đọc các số tổng hợp đang giữ",
    [PS_M_DBW_DROPPING_KEPT_ROLL_UPS] = "khi xóa các số tổng hợp đang giữ",
    [PS_M_DBW_READING_KEPT_REPORTING_COUNTS] = "khi đọc các số đếm báo cáo đang giữ",
    [PS_M_DBW_DROPPING_KEPT_REPORTING_COUNTS] = "khi xóa các số đếm báo cáo đang giữ",
    [PS_M_DBW_KEEPING_ROLL_UPS] = "khi giữ các số tổng hợp",
    [PS_M_DBW_KEEPING_REPORTING_COUNTS] = "khi giữ các số đếm báo cáo",
    /* store: what the database was doing, more */
    [PS_M_DBW_SAVING_UNITS] = "khi lưu đơn vị",
    [PS_M_DBW_SAVING_INDICATORS] = "khi lưu chỉ tiêu",
    [PS_M_DBW_SAVING_REPORTERS] = "khi lưu đơn vị báo cáo",
    [PS_M_DBW_CLOSING_PERIOD] = "khi khóa sổ một kỳ",
    [PS_M_DBW_REOPENING_PERIOD] = "khi mở lại một kỳ",
    /* cli/cmd_show.c, cmd_trend.c: the header row of a terminal table (cli/listing.c) */
    [PS_M_TH_UNIT] = "đơn vị",
    [PS_M_TH_INDICATOR] = "chỉ tiêu",
    [PS_M_TH_UNIT_MEASURE] = "đơn vị tính",
    [PS_M_TH_VALUE] = "giá trị",
    [PS_M_TH_YTD] = "lũy kế",
    [PS_M_TH_PLAN] = "kế hoạch",
    [PS_M_TH_PCT_LAST_YEAR] = "%% cùng kỳ",
    [PS_M_TH_YTD_PCT_LAST_YEAR] = "lũy kế %% cùng kỳ",
    [PS_M_TH_PCT_PLAN] = "%% kế hoạch",
    [PS_M_TH_PACE] = "tiến độ",
    [PS_M_TH_PCT_PARENT] = "%% so cấp trên",
    [PS_M_TH_FLAGS] = "cờ",
    [PS_M_TH_PERIOD] = "kỳ",
    [PS_M_TH_INDEX_PREV_YEAR] = "chỉ số cùng kỳ",
    [PS_M_TH_INDEX_PREV_PERIOD] = "chỉ số kỳ trước",
    /* cli/cmd_status.c: the header row of its terminal table */
    [PS_M_TH_REPORTER] = "đơn vị báo cáo",
    [PS_M_TH_NAME] = "tên",
    [PS_M_TH_EXPECTED] = "phải báo cáo",
    [PS_M_TH_RECEIVED] = "đã nhận",
    [PS_M_TH_MISSING] = "còn thiếu",
    [PS_M_TH_ON_TIME] = "đúng hạn",
    [PS_M_TH_LATE] = "chậm",
    [PS_M_TH_RATE_PCT] = "tỷ lệ %%",
    /* cli/cmd_trend.c: the fit below the table */
    [PS_M_TREND_FIT_SLOPE] = "hệ số góc",
    [PS_M_TREND_FIT_INTERCEPT] = "hệ số chặn",
    [PS_M_TREND_FIT_R2] = "R²",
    [PS_M_TREND_FIT_CAGR] = "tăng bình quân năm",
    [PS_M_TREND_FIT_YEAR_END_LINEAR] = "dự báo cuối năm (xu thế)",
    [PS_M_TREND_FIT_YEAR_END_LINEAR_SE] = "sai số chuẩn dự báo",
    [PS_M_TREND_FIT_YEAR_END_SEASONAL] = "dự báo cuối năm (mùa vụ)",
    [PS_M_TREND_FIT_PER] = " mỗi %s",
    [PS_M_TREND_FIT_FOR] = " cho năm %s",
    [PS_M_TREND_FIT_PERCENT] = " %%",
    /* core/period.c: the words for period types */
    [PS_M_PER_WORD_MONTH] = "tháng",
    [PS_M_PER_WORD_QUARTER] = "quý",
    [PS_M_PER_WORD_HALF] = "6 tháng",
    [PS_M_PER_WORD_YEAR] = "năm",
    [PS_M_PER_WORD_YTD] = "lũy kế từ đầu năm",
    /* cli/cmd_data.c: the header row of history's terminal table */
    [PS_M_TH_MEASURE] = "loại số liệu",
    [PS_M_TH_REVISION] = "lần sửa",
    [PS_M_TH_STATUS] = "trạng thái",
    [PS_M_TH_SUBMISSION] = "lần gửi",
    [PS_M_TH_FILE] = "tệp",
    [PS_M_TH_LINE] = "dòng",
    [PS_M_TH_RECEIVED_AT] = "ngày nhận",
    [PS_M_TH_CURRENT] = "hiện hành",
    [PS_M_STATUS_MISSING_FOR] = "Còn thiếu kỳ %s tính đến ngày %s: %zu giá trị\n",
    [PS_M_STATUS_MISSING_FOR_ONE] = "Còn thiếu kỳ %s tính đến ngày %s: %zu giá trị\n",
    [PS_M_STATUS_REPORTER_NOT_REPORTER] = "--reporter %s: không có đơn vị báo cáo này trong danh mục (xem `provstat catalog reporters`)",
    [PS_M_STATUS_GOES_WITH_MISSING] = "%s chỉ dùng cùng --missing (các giá trị còn chờ báo cáo)",
    [PS_M_STATUS_AS_OF_BAD_DAY] = "--as-of %s: hãy ghi một ngày có thật theo dạng YYYY-MM-DD",
    [PS_M_STATUS_NO_CLOCK] = "không đọc được ngày hôm nay từ đồng hồ của máy; hãy ghi --as-of YYYY-MM-DD",
    [PS_M_TH_DEADLINE] = "hạn báo cáo",
    [PS_M_TH_DAYS_LATE] = "số ngày trễ",
    [PS_M_RPT_OUT_MUST_BE_XLSX] = "--out %s: báo cáo là một sổ tính Excel; hãy đặt tên tệp dạng TÊN.xlsx",
    [PS_M_ING_RECEIVED_IN_FUTURE] = "--received %s: ngày này chưa tới; hãy ghi ngày cơ quan gửi tệp (YYYY-MM-DD, không muộn hơn ngày mai)",
    [PS_M_DATA_SUBMISSION_ALONE] = "--submission N rút toàn bộ một lần gửi: không ghi kèm --unit, --indicator, --period hay --measure",
    [PS_M_DATA_SUBMISSION_BAD_NUMBER] = "--submission %s: hãy ghi số của một lần gửi (số mà `ingest` đã in ra)",
    [PS_M_DATA_RETRACTED_SUBMISSION] = "đã rút lần gửi %1$lld: rút %2$ld giá trị%3$.0s",
    [PS_M_DATA_RETRACTED_FORCED] = " (%ld giá trị qua --force, có ghi lại)",
    [PS_M_DATA_RETRACTED_AS_SUBMISSION] = ", ghi thành lần gửi %lld; các giá trị trước vẫn còn trong lịch sử\n",
    [PS_M_DATA_BACKUP_EXISTS] = "%s đã có: hãy thêm --force để thay tệp đó bằng bản sao lưu, hoặc đặt tên một tệp mới",
    [PS_M_TMPL_REPORTER_REQUIRED] = "cần có --reporter CODE: đơn vị báo cáo của biểu mẫu",
    [PS_M_TMPL_OUT_REQUIRED] = "cần có --out FILE.xlsx hoặc FILE.csv",
    [PS_M_TMPL_OUT_BAD_SUFFIX] = "--out %s: biểu mẫu là sổ tính (.xlsx) hoặc tệp CSV (.csv); hãy đặt tên tệp theo một trong hai dạng đó",
    [PS_M_TMPL_MEASURE_USE_PLAN] = "--measure %s: hãy dùng plan (hoặc actual, mặc định)",
    [PS_M_TMPL_PLAN_NEEDS_YEAR] = "--measure plan: kế hoạch là kế hoạch năm, mà %s không phải là một năm (--period %d)",
    [PS_M_TMPL_ROWS_WRITTEN] = "%1$s: %2$ld dòng%3$.0s\n",
    [PS_M_RET_OUT_OF_SCOPE] = "%s: đơn vị %s nằm ngoài phạm vi của đơn vị báo cáo %s, vốn báo cáo cho %s (--force bỏ qua quyền sở hữu giá trị và kỳ đã khóa sổ, không bao giờ bỏ qua phạm vi của đơn vị báo cáo)",
    [PS_M_RET_NOT_IN_LIST] = "%s: đơn vị báo cáo %s không được gửi %s: danh sách chỉ tiêu của đơn vị là %s (--force bỏ qua quyền sở hữu giá trị và kỳ đã khóa sổ, không bao giờ bỏ qua danh sách chỉ tiêu của đơn vị báo cáo)",
    [PS_M_RET_NO_VALUE] = "%s không có giá trị để rút",
    [PS_M_RET_SENT_BY_OTHER] = "%s do %s gửi: chỉ đơn vị báo cáo đó được rút (hoặc dùng --force)",
    [PS_M_RET_CLOSED] = "%s đã khóa sổ (khóa sổ %s): số liệu chính thức đã chốt (dùng --force để vẫn rút; việc vượt khóa được ghi lại; hoặc mở lại bằng `provstat reopen`)",
    [PS_M_RET_NO_SUCH_SUBMISSION] = "--submission %lld: không có lần gửi này",
    [PS_M_RET_SUBMISSION_OTHER] = "--reporter %s: lần gửi %lld do %s gửi; hãy ghi --reporter %s (hoặc dùng --force để rút với tư cách %s, có ghi lại)",
    [PS_M_RET_SUBMISSION_NOTHING] = "lần gửi %lld không còn giá trị hiệu lực nào để rút (các lần gửi sau đã sửa đổi, hoặc đã được rút trước đó)",
    [PS_M_RET_SUBMISSION_OUTSIDE] = "lần gửi %lld có một giá trị nằm ngoài danh mục",
    [PS_M_LOCK_ALREADY_CLOSED_BY] = "kỳ %s đã khóa sổ cho %s theo khóa sổ %s: không có gì thay đổi",
    [PS_M_LOCK_STAYS_CLOSED] = "kỳ %s vẫn khóa sổ cho %s: khóa sổ %s đang có hiệu lực; không có gì thay đổi (muốn mở lại: `provstat reopen --period %s --unit %s`)",
    [PS_M_RULES_ROW_NOT_STORED] = "; dòng này không được lưu",
    [PS_M_DBW_READING_SUBMISSION] = "khi đọc một lần gửi",
    [PS_M_DBW_READING_SUBMISSION_VALUES] = "khi đọc các giá trị của một lần gửi",
    [PS_M_DBW_KEEPING_RAW_BYTES] = "khi lưu nội dung gốc của tệp",
    [PS_M_DBW_READING_RAW_BYTES] = "khi đọc nội dung gốc của một lần gửi",
    [PS_M_RAW_CANNOT_WRITE_BYTES] = "không ghi được nội dung của lần gửi %lld: %s",
    [PS_M_RAW_NO_BYTES_KEPT] = "lần gửi %lld không có nội dung gốc được lưu: lần gửi đó không lưu gì, hoặc được nạp từ trước khi provstat lưu nội dung gốc",
    [PS_M_DB_READ_ONLY_FOR_YOU] = "bạn chỉ có quyền đọc cơ sở dữ liệu %s (%s): hãy xin quyền ghi vào tệp, hoặc làm việc trên một bản sao (provstat --db BẢN_SAO ...)",
    [PS_M_DB_FOLDER_NOT_WRITABLE] = "không ghi được cơ sở dữ liệu %s (%s): SQLite cần tạo %s-wal và %s-shm bên cạnh nhưng bạn không có quyền ghi vào thư mục; hãy xin quyền ghi vào thư mục",
    [PS_M_DB_FILE_SIZE_LIMIT] = "cơ sở dữ liệu %s: %s (%s); tiến trình này chỉ được ghi tệp tối đa %llu byte (giới hạn kích thước tệp, ulimit -f): hãy nâng giới hạn rồi thử lại",
    [PS_M_FT_TEXT] = "tệp là văn bản (CSV)",
    [PS_M_FT_UTF16] = "tệp là văn bản UTF-16 (\"Unicode Text\" của Excel): hãy mở tệp trong Excel và lưu dưới dạng CSV UTF-8 (Comma delimited) hoặc .xlsx (Excel Workbook)",
    [PS_M_FT_XLSX] = "tệp là sổ tính Excel (.xlsx)",
    [PS_M_FT_XLSB] = "tệp là sổ tính nhị phân của Excel (.xlsb): hãy mở tệp trong Excel và lưu dưới dạng .xlsx (Excel Workbook) hoặc CSV UTF-8",
    [PS_M_FT_ODS] = "tệp là bảng tính OpenDocument (.ods, từ LibreOffice hoặc OpenOffice): hãy mở tệp bằng chương trình đó và lưu dưới dạng .xlsx (Excel 2007-365) hoặc CSV UTF-8",
    [PS_M_FT_ZIP] = "tệp là tệp nén zip, không phải sổ tính: hãy giải nén rồi gửi riêng từng tệp CSV hoặc .xlsx trong đó",
    [PS_M_FT_XLS] = "tệp là sổ tính Excel 97-2003 (.xls): hãy mở tệp trong Excel và lưu dưới dạng .xlsx (Excel Workbook) hoặc CSV UTF-8",
    [PS_M_FT_ENCRYPTED] = "tệp là sổ tính Excel có đặt mật khẩu: hãy mở tệp trong Excel, gỡ mật khẩu (File > Info > Protect Workbook > Encrypt with Password, xóa trống ô mật khẩu) rồi lưu dưới dạng .xlsx",
    [PS_M_FT_PDF] = "tệp là tài liệu PDF, không đọc được số liệu từ đó: hãy gửi tệp CSV hoặc .xlsx đã dùng để nhập số liệu",
    [PS_M_FT_BINARY] = "tệp không phải văn bản, cũng không phải sổ tính mà provstat đọc được (tệp chứa dữ liệu nhị phân): hãy gửi số liệu dưới dạng CSV UTF-8 hoặc sổ tính .xlsx",
    [PS_M_FT_UNKNOWN] = "không xác định được loại tệp: hãy gửi tệp dưới dạng CSV UTF-8 hoặc .xlsx",
    [PS_M_XL_RESAVE] = "hãy mở tệp trong Excel và lưu lại dưới dạng .xlsx",
    [PS_M_XL_NUMBER_BAD] = "ô số chứa \"%.40s\", không phải là một số: sổ tính bị hỏng; %s",
    [PS_M_XL_SHARED_STRING_BEYOND] = "ô trỏ tới chuỗi dùng chung \"%.20s\" nhưng sổ tính chỉ có %zu chuỗi: sổ tính bị hỏng; %s",
    [PS_M_XL_BOOL_BAD] = "ô đúng/sai chứa \"%.20s\": sổ tính bị hỏng; %s",
    [PS_M_XL_DATE_BAD] = "ô ngày chứa \"%.40s\", không phải là một ngày: sổ tính bị hỏng; %s",
    [PS_M_XL_ROW_TOO_LONG] = "dòng chứa hơn %u MiB văn bản, nhiều hơn mọi tệp báo cáo: hãy gửi số liệu dưới dạng CSV UTF-8",
    [PS_M_XL_ROW_NUMBER_BAD] = "%s: dòng sau dòng %ld mang số \"%.20s\", ngoài khoảng dòng 1 đến 1.048.576 của Excel: sổ tính bị hỏng; %s (%s)",
    [PS_M_XL_ROW_ORDER] = "dòng %ld đứng sau dòng %ld: sổ tính bị hỏng; %s",
    [PS_M_XL_CELL_NAME_BAD] = "có ô mang tên \"%.20s\", ngoài các cột A đến XFD và các dòng 1 đến 1.048.576 của Excel: sổ tính bị hỏng; %s",
    [PS_M_XL_CELL_ORDER] = "ô đứng sau một ô nằm bên phải nó trong cùng dòng: sổ tính bị hỏng; %s",
    [PS_M_XL_CELL_TYPE] = "ô có kiểu không xác định \"%.20s\": sổ tính bị hỏng; %s",
    [PS_M_XL_CELL_TOO_LONG] = "ô chứa hơn 32.767 ký tự, giới hạn của Excel: sổ tính bị hỏng; %s",
    [PS_M_XL_NOT_XLSX] = "%s: không đọc được như một sổ tính .xlsx: %s",
    [PS_M_XL_DAMAGED_ZIP] = "%s: tệp là một tệp nén zip bị hỏng (%s), có thể bị cắt cụt khi gửi hoặc sao chép: hãy gửi lại, hoặc %s",
    [PS_M_XL_TOO_MANY_PARTS] = "%s: tệp nén zip chứa hơn %d phần, điều mà không sổ tính nào có: hãy gửi riêng trang số liệu dưới dạng .xlsx hoặc CSV UTF-8",
    [PS_M_XL_SHEET_PART_MISSING] = "%s: sổ tính có nêu trang \"%s\" nhưng thiếu phần %s của trang đó: tệp bị hỏng; %s",
    [PS_M_XL_TOO_MANY_STRINGS] = "%s: sổ tính có hơn %zu chuỗi dùng chung, nhiều hơn mức provstat đọc: hãy gửi riêng trang số liệu, dưới dạng CSV UTF-8 hoặc một tệp .xlsx nhỏ hơn",
    [PS_M_XL_STRING_TOO_LONG] = "%s: chuỗi dùng chung thứ %zu dài hơn 32.767 ký tự, giới hạn của Excel: sổ tính bị hỏng; %s",
    [PS_M_XL_WORKBOOK_PART_MISSING] = "%s: thiếu phần %s của sổ tính: tệp bị hỏng; %s",
    [PS_M_XL_RELS_MISSING] = "%s: thiếu danh sách các trang của sổ tính (các quan hệ của %s): tệp bị hỏng; %s",
    [PS_M_XL_NO_WORKSHEET] = "%s: sổ tính không có trang tính nào: hãy đưa số liệu vào một trang tên \"Dữ liệu\" rồi lưu lại",
    [PS_M_XL_TOO_DEEP] = "%s: phần %s lồng XML sâu hơn %u cấp, điều mà không sổ tính nào có: tệp bị hỏng hoặc được tạo ra để gây hại; %s",
    [PS_M_XL_DOCTYPE] = "%s: phần %s có DOCTYPE, điều mà không sổ tính nào có: tệp bị hỏng hoặc được tạo ra để gây hại; %s",
    [PS_M_XL_PART_PASSWORD] = "%s: phần %s của sổ tính được bảo vệ bằng mật khẩu: hãy gửi sổ tính không đặt mật khẩu",
    [PS_M_XL_PART_TOO_BIG] = "%s: phần %s khi giải nén sẽ thành %s, nhiều hơn mức %s mà provstat đọc: tệp giống một quả bom zip, không phải sổ tính do Excel lưu",
    [PS_M_XL_PART_CANNOT_OPEN] = "%s: không mở được phần %s (%s): sổ tính bị hỏng; %s",
    [PS_M_XL_PART_CANNOT_INFLATE] = "%s: không giải nén được phần %s (%s): sổ tính bị hỏng; %s",
    [PS_M_XL_PART_INFLATES_TOO_MUCH] = "%s: phần %s khi giải nén vượt quá mức %s mà provstat đọc: tệp giống một quả bom zip, không phải sổ tính do Excel lưu",
    [PS_M_XL_PART_RATIO] = "%s: phần %s khi giải nén lớn hơn %u lần kích thước nén, điều mà không sổ tính nào có: tệp giống một quả bom zip",
    [PS_M_XL_PART_BAD_XML] = "%s: phần %s không phải XML đúng cú pháp (dòng %lu, cột %lu: %s): sổ tính bị hỏng; %s",
    [PS_M_XL_SIZE_BYTES] = "%llu byte",
    [PS_M_XL_SIZE_MIB] = "%llu MiB",
    [PS_M_SRC_CANNOT_BE_READ] = "%s: không đọc được: %s",
    [PS_M_TMPL_NOTHING_DUE] = "đơn vị báo cáo %s không phải báo cáo gì cho kỳ %s: không ghi biểu mẫu (các chỉ tiêu của đơn vị phải báo cáo vào kỳ khác, hoặc các đơn vị của nó không có hiệu lực trong kỳ đó)",
    [PS_M_TMPL_NOTHING_DUE_PLAN] = "đơn vị báo cáo %s không phải báo cáo gì cho kế hoạch năm %s: không ghi biểu mẫu (các chỉ tiêu của đơn vị phải báo cáo vào kỳ khác, hoặc các đơn vị của nó không có hiệu lực trong kỳ đó)",
    [PS_M_TMPL_WRITTEN_AS] = "%s: biểu mẫu được ghi dưới dạng .xlsx hoặc .csv; hãy đặt tên tệp theo một trong hai dạng đó",
    [PS_M_TMPL_NO_FILE] = "(không có tệp)",
    [PS_M_TMPL_CANNOT_ADD_SHEET] = "không ghi được %s: không thêm được trang tính",
    [PS_M_CAT_REPORTER_INDEX_NOT_IN_CATALOG] = "đơn vị báo cáo số %d không có trong danh mục",
    [PS_M_EXPECT_BAD_MEASURE] = "loại số liệu %d không phải actual (thực hiện) cũng không phải plan (kế hoạch)",
    [PS_M_EXPECT_NO_PERIOD] = "chưa nêu kỳ báo cáo cho các giá trị phải báo cáo",
    [PS_M_EXPECT_PLAN_NEEDS_YEAR] = "kế hoạch là kế hoạch năm: %s không phải là một năm (hãy ghi %d)",
    [PS_M_STATUS_DEADLINE_NOT_DATE] = "hạn báo cáo %s không phải là một ngày",
    [PS_M_STATUS_NOT_A_DATE] = "%s không phải là một ngày: hãy ghi theo dạng YYYY-MM-DD",
    [PS_M_STATUS_NO_DATE] = "chưa nêu ngày: hãy ghi theo dạng YYYY-MM-DD",
    [PS_M_XRPT_NO_DATA_AT_ALL] = "không ghi báo cáo %s: đơn vị %s (%s) và các đơn vị trực thuộc chưa có số liệu nào; hãy nạp các tệp của chúng trước",
    [PS_M_XRPT_NO_DATA_FOR_PERIOD] = "không ghi báo cáo %s: đơn vị %s (%s) và các đơn vị trực thuộc không có số liệu kỳ %s; kỳ gần nhất có số liệu là %s (--period %s)",
    [PS_M_INPUT_TOO_LARGE] = "%s lớn hơn %zu MiB, mức tối đa provstat đọc một lần",
    [PS_M_SPILL_FAILED] = "provstat: không đọc hoặc ghi được danh sách lỗi trong tệp tạm (/tmp đã đầy?)\n",
    [PS_M_ING_WAITING_FOR_OTHER] = "provstat: đang chờ một lần nạp tệp khác chạy xong…\n",
    [PS_M_ING_NO_HEADER_ROW] = "không dòng nào của trang tính nêu tên các cột unit, indicator, period và value (hoặc tên tiếng Việt của các cột đó): hãy thêm một dòng tiêu đề phía trên số liệu",
    [PS_M_ING_DATE_PERIOD] = "ô kỳ báo cáo chứa ngày %s, được hiểu là tháng %s; hãy gõ kỳ báo cáo dưới dạng văn bản (2016-07) cho chắc chắn",
    [PS_M_ING_NO_VALUES] = "tệp không có giá trị nào: mọi ô giá trị đều trống; hãy ghi số liệu (hoặc - nếu không phát sinh, .. hoặc x nếu không thu thập được) rồi gửi lại",
    [PS_M_LOCK_NAME] = "kỳ %s cho %s",
    /* the portal */
    [PS_M_PTL_LOGIN_BAD] = "tên đăng nhập \"%.80s\" phải gồm 1 đến %d chữ cái, chữ số, '.', '-', '_' hoặc '@'",
    [PS_M_PTL_ROLE_REPORTER] = "tài khoản của đơn vị báo cáo phải ghi mã đơn vị báo cáo; tài khoản lãnh đạo hoặc quản trị thì không",
    [PS_M_PTL_UNKNOWN_REPORTER] = "đơn vị báo cáo %s không có trong danh mục (xem `provstat catalog reporters`)",
    [PS_M_PTL_SODIUM] = "không khởi động được libsodium (máy không có nguồn số ngẫu nhiên?)",
    [PS_M_PTL_PW_SHORT] = "mật khẩu có %zu ký tự: cần ít nhất %d ký tự",
    [PS_M_PTL_PW_LONG] = "mật khẩu dài quá %d byte",
    [PS_M_PTL_PW_MEMORY] = "không đủ bộ nhớ để băm mật khẩu (Argon2id cần %zu MiB)",
    [PS_M_PTL_NO_ACCOUNT] = "không có tài khoản %s (xem `provstat user list`)",
    [PS_M_PTL_ACCOUNT_EXISTS] = "tài khoản %s đã có (đổi mật khẩu bằng `user passwd`)",
    [PS_M_DBW_ADDING_ACCOUNT] = "thêm tài khoản",
    [PS_M_DBW_CHANGING_PASSWORD] = "đổi mật khẩu",
    [PS_M_DBW_REMOVING_ACCOUNT] = "xoá tài khoản",
    [PS_M_DBW_LOCKING_ACCOUNT] = "khoá tài khoản",
    [PS_M_DBW_READING_ACCOUNT] = "đọc tài khoản",
    [PS_M_DBW_LISTING_ACCOUNTS] = "liệt kê tài khoản",
    [PS_M_DBW_RECORDING_LOGIN] = "ghi nhật ký đăng nhập",
    [PS_M_DBW_COUNTING_FAILURES] = "đếm số lần đăng nhập sai",
    [PS_M_DBW_READING_LOGINS] = "đọc nhật ký đăng nhập",
    [PS_M_DBW_OPENING_SESSION] = "mở phiên làm việc",
    [PS_M_DBW_READING_SESSION] = "đọc phiên làm việc",
    [PS_M_DBW_KEEPING_SESSION] = "giữ phiên làm việc",
    [PS_M_DBW_CLOSING_SESSION] = "đóng phiên làm việc",
    [PS_M_DBW_ENDING_SESSIONS] = "kết thúc các phiên làm việc bỏ trống",
    [PS_M_DBW_LISTING_SUBMISSIONS] = "liệt kê các lần gửi",
    [PS_M_DBW_READING_A_SUBMISSION] = "đọc một lần gửi",
    [PS_M_DBW_RECORDING_UPLOAD] = "ghi nhật ký gửi tệp",
    [PS_M_DBW_LISTING_UPLOADS] = "liệt kê các lần gửi tệp",
    [PS_M_USER_PROMPT] = "mật khẩu: ",
    [PS_M_USER_PROMPT_AGAIN] = "nhập lại mật khẩu: ",
    [PS_M_USER_NO_PASSWORD] = "hãy đưa mật khẩu vào dòng đầu tiên của đầu vào chuẩn (tối đa %d byte)",
    [PS_M_USER_DIFFER] = "hai lần nhập mật khẩu không giống nhau: chưa thay đổi gì",
    [PS_M_USER_LOGIN_FIRST] = "hãy ghi tên đăng nhập trước: user add LOGIN --reporter R hoặc --role ROLE",
    [PS_M_USER_EXTRA] = "tham số thừa %s: chỉ ghi một tên đăng nhập",
    [PS_M_USER_ROLE_OR_REPORTER] = "hãy ghi một trong hai: --reporter R (đơn vị báo cáo) hoặc --role leader|admin",
    [PS_M_USER_BAD_ROLE] = "--role phải là leader hoặc admin (đơn vị báo cáo thì dùng --reporter R)",
    [PS_M_USER_ADDED] = "đã thêm tài khoản %s (%s)\n",
    [PS_M_USER_ADDED_OFFICE] = "đã thêm tài khoản %s (đơn vị báo cáo %s)\n",
    [PS_M_USER_ONE_LOGIN] = "hãy ghi một tên đăng nhập",
    [PS_M_USER_REMOVED] = "đã xoá tài khoản %s\n",
    [PS_M_USER_PASSWORD_CHANGED] = "đã đổi mật khẩu của %s\n",
    [PS_M_USER_BAD_FORMAT] = "--format phải là table, csv hoặc json, không phải %s",
    [PS_M_USER_LIST_NO_ARG] = "user list không nhận tham số nào",
    [PS_M_USER_WHAT] = "hãy nói việc cần làm: user add, passwd, remove hoặc list",
    [PS_M_USER_UNKNOWN] = "%s không phải add, passwd, remove hay list",
    [PS_M_SERVE_READY] = "provstat: cổng số liệu đang chạy tại %s, cổng %d; dừng bằng Ctrl-C\n",
    [PS_M_SERVE_BAD_UPLOAD] = "--max-upload là số MiB từ 1 đến 2048, không phải %s",
    [PS_M_SERVE_EXTRA] = "tham số thừa %s",
    [PS_M_SERVE_TMPDIR] = "không tạo được thư mục chứa tệp gửi lên trong %s: %s (hãy đặt TMPDIR)",
    [PS_M_SERVE_CANNOT_WRITE] = "không ghi được %s",
    [PS_M_SERVE_BAD_LISTEN] = "--listen %s không có dạng ĐỊA_CHỈ:CỔNG (ví dụ 127.0.0.1:8080)",
    [PS_M_SERVE_OOM] = "hết bộ nhớ",
    [PS_M_SERVE_CANNOT_LISTEN] = "không mở được cổng %s: %s (có máy chủ khác đang dùng cổng này?)",
    [PS_M_H_USER] = "Tài khoản của cổng số liệu. Mật khẩu là dòng đầu tiên của đầu vào chuẩn\n(trên màn hình dòng lệnh thì được hỏi hai lần), ít nhất 10 ký tự; chỉ lưu\nmã băm Argon2id của mật khẩu.",
    [PS_M_HO_USER] = "tùy chọn:\n  --reporter R    add: tài khoản của đơn vị báo cáo R\n  --role ROLE     add: leader (xem mọi thứ) hoặc admin (làm mọi việc)\n  --format F      list: table (mặc định), csv hoặc json\n",
    [PS_M_H_SERVE] = "Cổng số liệu trên web: đơn vị báo cáo gửi tệp, lãnh đạo xem số liệu trong trình duyệt.\nChạy đến khi nhận SIGINT hoặc SIGTERM; mỗi yêu cầu ghi một dòng nhật ký ra đầu ra lỗi chuẩn.",
    [PS_M_HO_SERVE] = "tùy chọn:\n  --listen A:P       địa chỉ và cổng (mặc định 127.0.0.1:8080)\n  --max-upload MIB   tệp lớn nhất được nhận, tính bằng MiB (mặc định 20)\n  --secure-cookies   đánh dấu cookie Secure (khi chạy sau proxy TLS)\n",
    /* web/: the portal's pages */
    [PS_M_WEB_ID] = "Vietnamese",
    [PS_M_WEB_APP] = "Cổng số liệu thống kê",
    [PS_M_WEB_LOGIN] = "Đăng nhập",
    [PS_M_WEB_LOGOUT] = "Đăng xuất",
    [PS_M_WEB_LOGIN_NAME] = "Tên đăng nhập",
    [PS_M_WEB_PASSWORD] = "Mật khẩu",
    [PS_M_WEB_LOGIN_BAD] = "Tên đăng nhập hoặc mật khẩu không đúng.",
    [PS_M_WEB_LOGIN_LOCKED] = "Tài khoản tạm khoá 15 phút vì đăng nhập sai nhiều lần. Hãy thử lại sau hoặc liên hệ quản trị.",
    [PS_M_WEB_HOME] = "Trang chủ",
    [PS_M_WEB_STATUS] = "Tình hình báo cáo",
    [PS_M_WEB_SUMMARY] = "Bảng tổng hợp",
    [PS_M_WEB_TREND] = "Xu hướng",
    [PS_M_WEB_UPLOAD] = "Gửi số liệu",
    [PS_M_WEB_SUBMISSIONS] = "Các lần gửi",
    [PS_M_WEB_ADMIN] = "Quản trị",
    [PS_M_WEB_LANG_OTHER] = "English",
    [PS_M_WEB_PERIOD] = "Kỳ báo cáo",
    [PS_M_WEB_UNIT] = "Đơn vị",
    [PS_M_WEB_REPORTER] = "Đơn vị báo cáo",
    [PS_M_WEB_INDICATOR] = "Chỉ tiêu",
    [PS_M_WEB_EXPECTED] = "Phải gửi",
    [PS_M_WEB_RECEIVED] = "Đã nhận",
    [PS_M_WEB_MISSING] = "Còn thiếu",
    [PS_M_WEB_ON_TIME] = "Đúng hạn",
    [PS_M_WEB_LATE] = "Trễ hạn",
    [PS_M_WEB_RATE] = "Tỷ lệ (%%)",
    [PS_M_WEB_SHOW] = "Xem",
    [PS_M_WEB_FILE] = "Tệp (CSV hoặc XLSX)",
    [PS_M_WEB_CHECK_ONLY] = "Chỉ kiểm tra, không lưu",
    [PS_M_WEB_SEND] = "Gửi",
    [PS_M_WEB_RESULT] = "Kết quả",
    [PS_M_WEB_STORED] = "Đã lưu",
    [PS_M_WEB_REVISED] = "Đã sửa",
    [PS_M_WEB_UNCHANGED] = "Không đổi",
    [PS_M_WEB_REFUSED] = "Bị từ chối",
    [PS_M_WEB_LINE] = "Dòng",
    [PS_M_WEB_COLUMN] = "Cột",
    [PS_M_WEB_SEVERITY] = "Mức",
    [PS_M_WEB_MESSAGE] = "Nội dung",
    [PS_M_WEB_ERROR] = "Lỗi",
    [PS_M_WEB_WARNING] = "Cảnh báo",
    [PS_M_WEB_NOTHING_STORED] = "Tệp có lỗi nên chưa lưu số liệu nào. Hãy sửa các lỗi dưới đây rồi gửi lại.",
    [PS_M_WEB_ALL_STORED] = "Đã nhận và lưu số liệu.",
    [PS_M_WEB_CHECKED_ONLY] = "Đã kiểm tra xong, không lưu gì (chỉ kiểm tra).",
    [PS_M_WEB_ALREADY] = "Tệp này đã được gửi trước đó; không có gì thay đổi.",
    [PS_M_WEB_TOO_BIG] = "Tệp lớn hơn giới hạn cho phép.",
    [PS_M_WEB_BAD_FORM] = "Biểu mẫu gửi lên không hợp lệ.",
    [PS_M_WEB_BAD_CSRF] = "Phiên làm việc đã hết hạn hoặc biểu mẫu không hợp lệ; hãy tải lại trang rồi thử lại.",
    [PS_M_WEB_NOT_FOUND] = "Không có trang này.",
    [PS_M_WEB_FORBIDDEN] = "Tài khoản của bạn không được xem hoặc làm việc này.",
    [PS_M_WEB_NO_FILE] = "Chưa chọn tệp để gửi.",
    [PS_M_WEB_SERVER_ERROR] = "Có lỗi khi đọc cơ sở dữ liệu; hãy thử lại sau.",
    [PS_M_WEB_BAD_PERIOD] = "Kỳ báo cáo không hợp lệ (ví dụ 2016-07).",
    [PS_M_WEB_WELCOME] = "Xin chào",
    [PS_M_WEB_ROLE_OFFICE] = "đơn vị báo cáo",
    [PS_M_WEB_ROLE_LEADER] = "lãnh đạo",
    [PS_M_WEB_ROLE_ADMIN] = "quản trị",
    [PS_M_WEB_DOWNLOAD_ERRORS] = "Tải danh sách lỗi (CSV)",
    [PS_M_WEB_SUBMISSIONS_STORED] = "Các tệp đã lưu",
    [PS_M_WEB_UPLOADS] = "Các lần gửi qua cổng",
    [PS_M_WEB_FILE_NAME] = "Tệp",
    [PS_M_WEB_RECEIVED_AT] = "Thời điểm nhận",
    [PS_M_WEB_OUTCOME] = "Kết quả",
    [PS_M_WEB_OUTCOME_STORED] = "đã lưu",
    [PS_M_WEB_OUTCOME_REFUSED] = "bị từ chối",
    [PS_M_WEB_OUTCOME_CHECKED] = "chỉ kiểm tra",
    [PS_M_WEB_OUTCOME_ALREADY] = "đã gửi trước đó",
    [PS_M_WEB_NOT_RECORDED] = "Kết quả trên đúng nhưng không ghi được vào nhật ký gửi tệp",
    [PS_M_WEB_FROM] = "Từ kỳ",
    [PS_M_WEB_TO] = "Đến kỳ",
    [PS_M_WEB_VALUE] = "Giá trị",
    [PS_M_WEB_INDEX_PREV_YEAR] = "So cùng kỳ năm trước (%%)",
    [PS_M_WEB_INDEX_PREV_PERIOD] = "So kỳ trước (%%)",
    [PS_M_WEB_SLOPE] = "Độ dốc (mỗi kỳ)",
    [PS_M_WEB_YEAR_END_LINEAR] = "Dự báo cả năm (tuyến tính)",
    [PS_M_WEB_BAD_CHOICE] = "Chỉ tiêu hoặc đơn vị không có trong danh mục.",
    [PS_M_WEB_ACCOUNTS] = "Tài khoản",
    [PS_M_WEB_ADD_ACCOUNT] = "Thêm tài khoản",
    [PS_M_WEB_ROLE] = "Vai trò",
    [PS_M_WEB_REMOVE] = "Xoá",
    [PS_M_WEB_LOCKED] = "đang bị khoá",
    [PS_M_WEB_CLOSE] = "Khoá sổ kỳ báo cáo",
    [PS_M_WEB_REOPEN] = "Mở lại kỳ báo cáo",
    [PS_M_WEB_DONE] = "Đã thực hiện.",
    [PS_M_WEB_ALREADY_CLOSED] = "Kỳ này đã được khoá sổ từ trước; không có gì thay đổi.",
    [PS_M_WEB_RETRACT] = "Rút lại số liệu của tệp này",
    [PS_M_WEB_FORCE_CLOSED] = "kể cả kỳ đã khoá sổ (ghi nhận là ngoại lệ)",
    [PS_M_WEB_ROWS_READ] = "Số dòng đã đọc",
    [PS_M_WEB_MISSING_VALUES] = "Số liệu còn thiếu",
    [PS_M_WEB_DEADLINE] = "Hạn gửi",
    [PS_M_WEB_DAYS_LATE] = "Số ngày trễ",
    [PS_M_WEB_TEMPLATE] = "Biểu mẫu để điền",
    [PS_M_WEB_DOWNLOAD] = "Tải về",
    [PS_M_WEB_RAW_FILE] = "Tệp gốc",
    [PS_M_WEB_WORKBOOK] = "Tải bảng tính (.xlsx)",
};
