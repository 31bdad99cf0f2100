# Issue 12: R's baseline for the effect CLI on the same CSV (bench/effect-cli.bench.ts runs both).
# read.csv, glm(binomial) for the propensity score, nearest neighbour with replacement by findInterval
# over the sorted control scores, and a weighted lm of the outcome on treatment over the matched sample.
#   Rscript bench/effect-baseline.R FILE.csv
args <- commandArgs(trailingOnly = TRUE)
d <- read.csv(args[1])
fit <- glm(treated ~ age + I(age^2) + female + factor(region) + factor(educ) + prior_weeks + x1 + x2 + x3,
           family = binomial(), data = d)
ps <- fitted(fit)
t <- which(d$treated == 1)
c <- which(d$treated == 0)
o <- order(ps[c])
cs <- ps[c][o]
ci <- c[o]
k <- findInterval(ps[t], cs)
lo <- pmax(k, 1)
hi <- pmin(k + 1, length(cs))
pick <- ifelse(abs(ps[t] - cs[lo]) <= abs(cs[hi] - ps[t]), lo, hi)
matched <- ci[pick]
w <- table(matched)
units <- c(t, as.integer(names(w)))
weights <- c(rep(1, length(t)), as.numeric(w))
m <- lm(employed ~ treated, data = d[units, ], weights = weights)
cat(sprintf("R: ATT %.4f (treated %d, controls used %d)\n", coef(m)[["treated"]], length(t), length(w)))
