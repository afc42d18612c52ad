// A provider's address: http or https only. Any other scheme (file:, ftp:, javascript:) is no API a
// connector can call, and its origin is the string "null" in every message about it.
import { z } from 'zod';

export const ZHttpUrl = z.url({ protocol: /^https?$/, error: 'must be an http:// or https:// URL' });
