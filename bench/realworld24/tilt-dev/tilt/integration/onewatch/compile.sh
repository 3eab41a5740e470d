#!/bin/sh

cat source.txt | sed "s/MESSAGE/🍄 One-Up! 🍄/" > compiled.txt
