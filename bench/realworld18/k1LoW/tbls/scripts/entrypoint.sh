#!/bin/sh -l

tbls $@
