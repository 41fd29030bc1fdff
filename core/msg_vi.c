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
};
