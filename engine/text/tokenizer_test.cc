#include "engine/text/tokenizer.h"

#include "gtest/gtest.h"
