package pyroscopetest

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"
)

// matcher is one label matcher of a selector such as {service_name="api"}.
type matcher struct {
	name, op, value string
	re              *regexp.Regexp
}

func (m matcher) matches(labels map[string]string) bool {
	v := labels[m.name]
	switch m.op {
	case "=":
		return v == m.value
	case "!=":
		return v != m.value
	case "=~":
		return m.re.MatchString(v)
	default: // "!~"
		return !m.re.MatchString(v)
	}
}

type selector []matcher

func (sel selector) matches(labels map[string]string) bool {
	for _, m := range sel {
		if !m.matches(labels) {
			return false
		}
	}
	return true
}

// namesService reports whether the selector has an exact service_name
// matcher, which v2 storage needs to see uncompacted data.
func (sel selector) namesService() bool {
	for _, m := range sel {
		if m.name == "service_name" && m.op == "=" {
			return true
		}
	}
	return false
}

// parseSelector parses a Prometheus-style series selector, with error
// messages in the form the real server returns. "" and "{}" select all.
func parseSelector(input string) (selector, error) {
	sel, err := (&selectorParser{in: input}).parse()
	if err != nil {
		return nil, fmt.Errorf("parsing label selector %q: %w", input, err)
	}
	return sel, nil
}

type selectorParser struct {
	in  string
	pos int
}

func (p *selectorParser) fail(format string, args ...any) error {
	return fmt.Errorf("1:%d: parse error: %s", p.pos+1, fmt.Sprintf(format, args...))
}

func (p *selectorParser) skipSpace() {
	for p.pos < len(p.in) && strings.ContainsRune(" \t\n\r", rune(p.in[p.pos])) {
		p.pos++
	}
}

func (p *selectorParser) parse() (selector, error) {
	var sel selector
	p.skipSpace()
	if p.pos == len(p.in) {
		return sel, nil
	}
	if name := p.ident(); name != "" {
		sel = append(sel, matcher{name: "__name__", op: "=", value: name})
		p.skipSpace()
		if p.pos == len(p.in) {
			return sel, nil
		}
	}
	if p.in[p.pos] != '{' {
		return nil, p.fail("unexpected character: %q", p.in[p.pos])
	}
	p.pos++
	for {
		p.skipSpace()
		if p.pos == len(p.in) {
			return nil, p.fail("unexpected end of input inside braces")
		}
		if p.in[p.pos] == '}' {
			p.pos++
			break
		}
		m, err := p.matcher()
		if err != nil {
			return nil, err
		}
		sel = append(sel, m)
		p.skipSpace()
		if p.pos == len(p.in) {
			return nil, p.fail("unexpected end of input inside braces")
		}
		switch p.in[p.pos] {
		case ',':
			p.pos++
		case '}':
		default:
			return nil, p.fail("unexpected character inside braces: %q", p.in[p.pos])
		}
	}
	p.skipSpace()
	if p.pos != len(p.in) {
		return nil, p.fail("unexpected character after selector: %q", p.in[p.pos])
	}
	return sel, nil
}

func (p *selectorParser) ident() string {
	start := p.pos
	for p.pos < len(p.in) {
		c := p.in[p.pos]
		if c == '_' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || p.pos > start && (c >= '0' && c <= '9' || c == '.') {
			p.pos++
			continue
		}
		break
	}
	return p.in[start:p.pos]
}

func (p *selectorParser) matcher() (matcher, error) {
	name, err := p.labelName()
	if err != nil {
		return matcher{}, err
	}
	p.skipSpace()
	var op string
	for _, candidate := range []string{"=~", "!~", "!=", "="} {
		if strings.HasPrefix(p.in[p.pos:], candidate) {
			op = candidate
			break
		}
	}
	if op == "" {
		if p.pos == len(p.in) {
			return matcher{}, p.fail("unexpected end of input inside braces")
		}
		return matcher{}, p.fail("unexpected character inside braces: %q", p.in[p.pos])
	}
	p.pos += len(op)
	p.skipSpace()
	value, err := p.quoted()
	if err != nil {
		return matcher{}, err
	}
	m := matcher{name: name, op: op, value: value}
	if op == "=~" || op == "!~" {
		re, err := regexp.Compile("^(?:" + value + ")$")
		if err != nil {
			return matcher{}, p.fail("invalid regular expression %q: %v", value, err)
		}
		m.re = re
	}
	return m, nil
}

// labelName reads a bare name or a quoted UTF-8 one ("k8s.namespace"), as
// Prometheus 3 selectors and Pyroscope take them.
func (p *selectorParser) labelName() (string, error) {
	if c := p.in[p.pos]; c == '"' || c == '\'' || c == '`' {
		name, err := p.quoted()
		if err == nil && name == "" {
			return "", p.fail("empty label name")
		}
		return name, err
	}
	if name := p.ident(); name != "" {
		return name, nil
	}
	return "", p.fail("unexpected character inside braces: %q", p.in[p.pos])
}

func (p *selectorParser) quoted() (string, error) {
	if p.pos == len(p.in) {
		return "", p.fail("unexpected end of input inside braces")
	}
	q := p.in[p.pos]
	if q != '"' && q != '\'' && q != '`' {
		return "", p.fail("unexpected character inside braces: %q, expected string", q)
	}
	for end := p.pos + 1; end < len(p.in); end++ {
		if p.in[end] == '\\' && q != '`' {
			end++
			continue
		}
		if p.in[end] != q {
			continue
		}
		raw := p.in[p.pos : end+1]
		if q == '\'' {
			raw = `"` + strings.ReplaceAll(raw[1:len(raw)-1], `"`, `\"`) + `"`
		}
		v, err := strconv.Unquote(raw)
		if err != nil {
			return "", p.fail("invalid string %s", p.in[p.pos:end+1])
		}
		p.pos = end + 1
		return v, nil
	}
	p.pos = len(p.in)
	return "", p.fail("unterminated quoted string")
}
