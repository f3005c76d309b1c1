package analysis_test

import (
	"os"
	"testing"
	"fmt"
	"github.com/statusls/statusls/analysis"
)

func TestDbg(t *testing.T) {
	src, _ := os.ReadFile(os.Getenv("F"))
	for _, f := range fixture.Analyze(analysis.Language(os.Getenv("L")), src).Findings {
		fmt.Printf("%d-%d %q %s\n", f.Start, f.End, src[f.Start:f.End], describe(f))
	}
}
