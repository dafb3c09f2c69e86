module capstan.dev/tools/gotemplate-oracle/enginecases

go 1.23
