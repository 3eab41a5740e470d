#!/bin/bash
/usr/bin/python3 -m operator_ui
