// A Go handler for the editor tests. A marker in a comment says what the
// editor must show for the status code on its line (editors/testdata/nginx.conf
// describes them).
package main

import "net/http"

func checkout(w http.ResponseWriter, r *http.Request) {
	if r.Header.Get("X-Upstream") == "" {
		w.WriteHeader(502) // @hover("Bad Gateway")
		return
	}
	w.WriteHeader(432) // @diag("SL001", "not a registered")
}

func main() {
	http.HandleFunc("/checkout", checkout)
	http.ListenAndServe("127.0.0.1:8080", nil)
}
