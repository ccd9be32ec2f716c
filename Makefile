# Developer shortcuts. The README's commands work without make.
.PHONY: build test record embed lint format

build:
	swift build

test:
	swift test

# Re-record golden files (the recording run fails on purpose), then run the suite again.
record:
	RECORD_GOLDEN=1 swift test || true
	swift test

# Re-embed files shipped inside the binary after editing them.
embed:
	python3 scripts/embed-resources.py

# The embedded copies (*+Source.swift, DefaultTemplates+*.swift) are generated: not formatted.
SWIFT_FILES = $(shell git ls-files -co --exclude-standard 'Sources/*.swift' 'Tests/*.swift' | grep -v -e '+Source.swift' -e 'DefaultTemplates+')

lint:
	swift format lint --strict $(SWIFT_FILES)

format:
	swift format -i $(SWIFT_FILES)
