#!/bin/bash

/bin/bash --rcfile /root/.bashrc -i
