import Yams

/// Level thresholds must ascend and cover 0–100 without gaps or overlaps.
struct LevelRangeCheck {
    let context: DecodingContext

    func check(_ levels: [Level], node: Node) {
        guard levels.count >= 2 else {
            context.error(
                context.location(node), "at least two maturity levels are needed, found \(levels.count); add levels covering 0 to 100")
            return
        }
        let items = context.items(node, "'levels'")
        func at(_ index: Int) -> SourceLocation {
            index < items.count ? context.location(items[index]) : context.location(node)
        }
        if let first = levels.first, first.min != 0 {
            context.error(
                at(0), "levels must cover 0–100, but the first level '\(first.id)' starts at \(format(first.min)); set its min to 0")
        }
        for (index, level) in levels.enumerated() {
            if level.min >= level.max {
                context.error(
                    at(index), "level '\(level.id)' has min \(format(level.min)) not below max \(format(level.max)); thresholds must ascend"
                )
            }
            guard index > 0 else { continue }
            let previous = levels[index - 1]
            if level.min < previous.max {
                context.error(
                    at(index),
                    "level thresholds are not ascending: '\(level.id)' starts at \(format(level.min)), below the end of '\(previous.id)' (\(format(previous.max))); set its min to \(format(previous.max))"
                )
            } else if level.min > previous.max {
                context.error(
                    at(index),
                    "levels must cover 0–100, but scores from \(format(previous.max)) to \(format(level.min)) fall between '\(previous.id)' and '\(level.id)'; set the min of '\(level.id)' to \(format(previous.max))"
                )
            }
        }
        if let last = levels.last, last.max != 100 {
            context.error(
                at(levels.count - 1),
                "levels must cover 0–100, but the last level '\(last.id)' ends at \(format(last.max)); set its max to 100")
        }
    }

    private func format(_ value: Double) -> String { value.compactDescription }
}
