module capstan.dev/tools/gotemplate-oracle/fmtcases

go 1.22
