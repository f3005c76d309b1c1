package analysis

func (s *scan) scanApache()    {}
func (s *scan) scanHAProxy()   {}
func (s *scan) scanCaddy()     {}
func (s *scan) scanHTTPFile()  {}
func (s *scan) scanAccessLog() {}
func (s *scan) scanPlain()     {}
