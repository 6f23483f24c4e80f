// The whole library under one name: the program, the fuzz targets and the tests import this.
@_exported import ShenbaoModel
@_exported import ShenbaoSupport
@_exported import ShenbaoSpec
@_exported import ShenbaoReaders
@_exported import ShenbaoExtraction
@_exported import ShenbaoStatistics
@_exported import ShenbaoValidation
@_exported import ShenbaoWriters
@_exported import ShenbaoPipeline
