// Scores and language codes are part of the shared vocabulary in RapportModel; re-exported so
// that `import RapportLanguage` is enough to score text and read the result.
@_exported import RapportModel
