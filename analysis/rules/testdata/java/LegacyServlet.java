package com.example.legacy;

import javax.servlet.http.HttpServletResponse;

// A javax servlet: the constant comes from the class it already imports.
public class LegacyServlet {
    void deny(HttpServletResponse response) {
        response.setStatus(403); // @diag SL005=403
    }
}
