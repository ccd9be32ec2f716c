import MaturityQuestionnaire
public enum TestSupport {}
