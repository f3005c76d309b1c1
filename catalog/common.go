package catalog

import "slices"

// common lists the codes that make up nearly all responses servers send and
// APIs document, most used first. Completion offers these before the rest,
// so that the code a developer most likely wants is at the top. It is a
// short ordered list rather than an attribute in each code's data file
// because its whole meaning is the order.
var common = []int{
	200, 404, 500, 201, 204, 400, 401, 403, 302, 301, 304, 409, 422, 429,
	502, 503, 504, 202, 206, 307, 308, 405, 406, 408, 410, 412, 413, 415,
	501, 100, 101,
}

// CommonRank returns a code's place in the list of commonly used codes, 0
// for the most used, and false for a code outside the list.
func (c *Catalog) CommonRank(code int) (int, bool) {
	i := slices.Index(common, code)
	return i, i >= 0
}
