import ArgumentParser
import MaturityQuestionnaire
print("x")
