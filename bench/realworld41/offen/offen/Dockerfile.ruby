# Copyright 2021 - Offen Authors <hioffen@posteo.de>
# SPDX-License-Identifier: Apache-2.0

FROM ruby:2.7

RUN gem install bundler -v 2.4.22
