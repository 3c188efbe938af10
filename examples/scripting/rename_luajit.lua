-- Renames a BCC custom image by loading libbcc_image.so with the LuaJIT FFI.
--
-- Usage: luajit rename_luajit.lua ENDPOINT IMAGE_ID NAME
-- The credentials come from BCE_ACCESS_KEY_ID and BCE_SECRET_ACCESS_KEY. The
-- library is BCC_IMAGE_LIBRARY when set, or else libbcc_image.so.0.1 as the
-- dynamic loader finds it.
local ffi = require("ffi")

-- The declarations this script uses, copied from bcc_image.h.
ffi.cdef([[
typedef enum bcc_status {
  BCC_OK = 0, BCC_INVALID_ARGUMENT = 1, BCC_MISSING_CREDENTIALS = 2, BCC_SERVICE_ERROR = 3,
  BCC_TRANSPORT_ERROR = 4, BCC_TIMED_OUT = 5, BCC_TLS_ERROR = 6, BCC_BUFFER_TOO_SMALL = 7, BCC_PANIC = 8
} bcc_status;
typedef struct bcc_client bcc_client;
typedef struct bcc_error bcc_error;
typedef struct bcc_rename_result bcc_rename_result;
typedef struct bcc_client_config {
  const char *access_key_id;
  const char *secret_access_key;
  const char *security_token;
  const char *region;
  const char *endpoint;
  const char *ca_file;
  uint32_t connect_timeout_ms;
  uint32_t request_timeout_ms;
  uint32_t max_attempts;
  uint32_t retry_base_delay_ms;
  uint32_t retry_max_delay_ms;
  uint32_t deadline_ms;
  uint32_t expiration_seconds;
  int32_t disable_name_validation;
} bcc_client_config;
bcc_status bcc_client_new(const bcc_client_config *config, bcc_client **client_out, bcc_error **error_out);
void bcc_client_free(bcc_client *client);
bcc_status bcc_image_rename(const bcc_client *client, const char *image_id, const char *name,
                            const char *client_token, bcc_rename_result **result_out, bcc_error **error_out);
uint16_t bcc_error_http_status(const bcc_error *error);
const char *bcc_error_code(const bcc_error *error);
const char *bcc_error_message(const bcc_error *error);
void bcc_error_free(bcc_error *error);
const char *bcc_rename_result_request_id(const bcc_rename_result *result);
void bcc_rename_result_free(bcc_rename_result *result);
const char *bcc_version(void);
]])

if #arg ~= 3 then
  io.stderr:write("usage: luajit rename_luajit.lua ENDPOINT IMAGE_ID NAME\n")
  os.exit(2)
end
local endpoint, image_id, name = arg[1], arg[2], arg[3]

local bcc = ffi.load(os.getenv("BCC_IMAGE_LIBRARY") or "libbcc_image.so.0.1")

-- ffi.new zero-fills the struct, so every field not set here takes its default.
-- The Lua strings stay referenced by these locals during the call.
local access_key_id = os.getenv("BCE_ACCESS_KEY_ID") or ""
local secret_access_key = os.getenv("BCE_SECRET_ACCESS_KEY") or ""
local config = ffi.new("bcc_client_config")
config.access_key_id = access_key_id
config.secret_access_key = secret_access_key
config.endpoint = endpoint

local client_out = ffi.new("bcc_client *[1]")
local error_out = ffi.new("bcc_error *[1]")
if bcc.bcc_client_new(config, client_out, error_out) ~= bcc.BCC_OK then
  io.stderr:write("client creation failed: ", ffi.string(bcc.bcc_error_message(error_out[0])), "\n")
  bcc.bcc_error_free(error_out[0])
  os.exit(1)
end
local client = client_out[0]

local result_out = ffi.new("bcc_rename_result *[1]")
local status = bcc.bcc_image_rename(client, image_id, name, nil, result_out, error_out)
if status == bcc.BCC_OK then
  print(("renamed %s to %s with bcc-image %s"):format(image_id, name, ffi.string(bcc.bcc_version())))
  print("request id: " .. ffi.string(bcc.bcc_rename_result_request_id(result_out[0])))
else
  local failure = error_out[0]
  io.stderr:write("rename failed: ", ffi.string(bcc.bcc_error_message(failure)), "\n",
                  "  HTTP status: ", tonumber(bcc.bcc_error_http_status(failure)), "\n",
                  "  code:        ", ffi.string(bcc.bcc_error_code(failure)), "\n")
end

-- Each free accepts NULL, so this frees whichever objects the call returned.
-- os.exit does not run Lua finalizers, which is why this does not use ffi.gc.
bcc.bcc_rename_result_free(result_out[0])
bcc.bcc_error_free(error_out[0])
bcc.bcc_client_free(client)
os.exit(status == bcc.BCC_OK and 0 or 1)
