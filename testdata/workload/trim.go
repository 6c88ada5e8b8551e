package main

import (
	"bytes"
	"os"
	"path/filepath"
	"runtime"
	"strings"

	"github.com/google/pprof/profile"
)

// modulePath is what `go build -trimpath` writes in front of this module's files.
const modulePath = "github.com/embers/embers"

// trimPaths rewrites a pprof file so it names no folder of the machine that
// wrote it: the binary's mapping keeps only its base name (go run builds it in
// a temporary folder), and source files read as `-trimpath` writes them
// (module path or standard-library package, then the file). Samples, values
// and function names stay exactly as they were.
func trimPaths(path string) error {
	b, err := os.ReadFile(path)
	if err != nil {
		return err
	}
	p, err := profile.ParseData(b)
	if err != nil {
		return err
	}
	for _, m := range p.Mapping {
		if m.File != "" {
			m.File = filepath.Base(m.File)
		}
	}
	repo, _ := os.Getwd() // run from the repository root, as the doc comment says
	for _, f := range p.Function {
		f.Filename = trimFile(f.Filename, repo)
	}
	var out bytes.Buffer
	if err := p.Write(&out); err != nil {
		return err
	}
	return os.WriteFile(path, out.Bytes(), 0o644)
}

func trimFile(name, repo string) string {
	if !filepath.IsAbs(name) {
		return name
	}
	if rel, ok := strings.CutPrefix(name, filepath.Join(runtime.GOROOT(), "src")+"/"); ok {
		return rel
	}
	if rel, err := filepath.Rel(repo, name); err == nil && !strings.HasPrefix(rel, "..") {
		return modulePath + "/" + filepath.ToSlash(rel)
	}
	return filepath.Base(name)
}
