/**
 * A row id as a URL or query parameter. Beyond 2^53 a JSON number is no longer exact (`9999999999999999999999` would
 * be read as 1e+22), and no row has such an id: refused with 400 naming the parameter.
 */
export const ROW_ID = { type: 'integer', minimum: 1, maximum: Number.MAX_SAFE_INTEGER }

export const ID_PARAMS = { type: 'object', properties: { id: ROW_ID }, required: ['id'] }
